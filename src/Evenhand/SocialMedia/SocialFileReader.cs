using System.Globalization;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;

namespace Evenhand.SocialMedia;

/// <summary>
/// Reads posts and accounts exports, as CSV (RFC 4180, header row, column names in any case and order) or JSON lines (one
/// object per line, property names in any case). Bad rows are reported with their line numbers and skipped, or with
/// <see cref="SocialReadOptions.Strict"/> the whole file is refused. Posts are streamed: memory does not grow with the file.
/// </summary>
public static class SocialFileReader
{
    public static readonly string[] PostColumns = ["post_id", "account_id", "posted_at", "text", "likes", "reposts", "quotes", "replies", "is_repost"];
    public static readonly string[] OptionalPostColumns = ["original_author", "impressions"];
    public static readonly string[] AccountColumns = ["account_id", "handle", "full_name", "description", "followers", "total_posts", "created_at", "location", "verified", "url"];
    public static readonly string[] OptionalAccountColumns = ["force", "account_type"];

    /// <summary>JSON lines when the name ends .jsonl/.ndjson/.json or the first character is '{'; CSV otherwise.</summary>
    public static bool IsJsonLines(string fileName, Stream stream)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson" or ".json")
        {
            return true;
        }

        if (extension is ".csv" || !stream.CanSeek)
        {
            return false;
        }

        var start = stream.Position;
        int b;
        do
        {
            b = stream.ReadByte();
        }
        while (b is ' ' or '\t' or '\r' or '\n' or 0xEF or 0xBB or 0xBF);
        stream.Position = start;
        return b == '{';
    }

    // ---------------------------------------------------------------- accounts

    /// <summary>Reads an accounts file completely (accounts files are small: one row per account).</summary>
    public static (List<SocialAccountRow> Accounts, SocialReadSummary Summary) ReadAccounts(Stream stream, string fileName, SocialReadOptions? options = null)
    {
        options ??= new SocialReadOptions();
        var problems = new ProblemList(fileName, options.MaxProblems);
        var accounts = new List<SocialAccountRow>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        long rows = 0;

        void Accept(long line, Func<string, string?> get)
        {
            rows++;
            var row = ParseAccount(line, get, problems);
            if (row is null)
            {
                return;
            }

            if (!ids.Add(row.AccountId))
            {
                problems.Add(line, $"account_id '{row.AccountId}' was already used on an earlier line");
                return;
            }

            accounts.Add(row);
        }

        if (IsJsonLines(fileName, stream))
        {
            ReadJsonLines(stream, fileName, AccountColumns, options, (line, obj) => Accept(line, name => JsonField(obj, name)), (line, message) =>
            {
                rows++;
                problems.Add(line, message);
            });
        }
        else
        {
            using var reader = OpenCsv(stream, fileName);
            var columns = CsvColumns(reader, fileName, AccountColumns, OptionalAccountColumns);
            foreach (var row in reader)
            {
                if (row.ColCount != reader.Header.ColNames.Count)
                {
                    rows++;
                    problems.Add(row.LineNumberFrom, $"has {row.ColCount} columns but the header has {reader.Header.ColNames.Count}");
                    continue;
                }

                var values = new string[row.ColCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = row[i].ToString();
                }

                Accept(row.LineNumberFrom, name => columns.TryGetValue(name, out var i) ? values[i] : null);
            }
        }

        var summary = problems.Summary(rows, accounts.Count);
        Finish(summary, options, "accounts");
        return (accounts, summary);
    }

    private static SocialAccountRow? ParseAccount(long line, Func<string, string?> get, ProblemList problems)
    {
        var errors = new List<string>();
        var id = (get("account_id") ?? "").Trim();
        if (id.Length == 0)
        {
            errors.Add("account_id is empty");
        }

        var handle = (get("handle") ?? "").Trim();
        if (handle.Length == 0)
        {
            errors.Add("handle is empty");
        }

        var followers = WholeNumber(get("followers"), "followers", errors);
        var totalPosts = WholeNumber(get("total_posts"), "total_posts", errors);
        DateTimeOffset? created = null;
        var createdText = (get("created_at") ?? "").Trim();
        if (createdText.Length > 0)
        {
            if (TryParseInstant(createdText, out var c))
            {
                created = c;
            }
            else
            {
                errors.Add($"created_at '{Clip(createdText)}' is not an ISO 8601 date and time");
            }
        }

        var verified = Flag(get("verified"), "verified", errors);
        var force = (get("force") ?? "").Trim().ToLowerInvariant();
        if (force.Length > 0 && Forces.ForceCatalogue.All.All(f => f.Slug != force))
        {
            errors.Add($"force '{Clip(force)}' is not one of the 43 forces' slugs (for example 'cheshire')");
        }

        var fullName = (get("full_name") ?? "").Trim();
        var description = (get("description") ?? "").Trim();
        var typeText = (get("account_type") ?? "").Trim().ToLowerInvariant();
        AccountType type;
        string? inference = null;
        if (typeText.Length == 0)
        {
            (type, var reason) = AccountTypeInference.Infer(handle, fullName, description);
            inference = reason;
        }
        else if (!TryParseAccountType(typeText, out type))
        {
            errors.Add($"account_type '{Clip(typeText)}' is not one of main, individual, team, network");
        }

        if (errors.Count > 0)
        {
            problems.Add(line, string.Join("; ", errors));
            return null;
        }

        return new SocialAccountRow(id, handle, fullName, description, followers, totalPosts, created, (get("location") ?? "").Trim(),
            verified, (get("url") ?? "").Trim(), force.Length == 0 ? null : force, type, inference);
    }

    public static bool TryParseAccountType(string text, out AccountType type)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "main": type = AccountType.Main; return true;
            case "individual": type = AccountType.Individual; return true;
            case "team": type = AccountType.Team; return true;
            case "network": type = AccountType.Network; return true;
            default: type = default; return false;
        }
    }

    public static string Name(this AccountType type) => type switch
    {
        AccountType.Main => "main",
        AccountType.Individual => "individual",
        AccountType.Team => "team",
        _ => "network",
    };

    // ---------------------------------------------------------------- posts

    /// <summary>
    /// Streams a posts file, calling <paramref name="onPost"/> for each good row. A post whose account is not in
    /// <paramref name="accounts"/> is a bad row. In strict mode the summary is checked at the end and a
    /// <see cref="SocialImportException"/> thrown if any row was bad: callers that store posts must do so in a transaction.
    /// </summary>
    public static SocialReadSummary ReadPosts(Stream stream, string fileName, SocialAccountDirectory accounts, PostHandler onPost, SocialReadOptions? options = null)
    {
        options ??= new SocialReadOptions();
        var problems = new ProblemList(fileName, options.MaxProblems);
        long rows = 0, accepted = 0;
        if (IsJsonLines(fileName, stream))
        {
            ReadJsonLines(stream, fileName, PostColumns, options, (line, obj) =>
            {
                rows++;
                if (ParseJsonPost(line, obj, accounts, problems, onPost))
                {
                    accepted++;
                }
            }, (line, message) =>
            {
                rows++;
                problems.Add(line, message);
            });
        }
        else
        {
            using var reader = OpenCsv(stream, fileName);
            var columns = CsvColumns(reader, fileName, PostColumns, OptionalPostColumns);
            var c = new PostColumnIndexes(columns);
            var width = reader.Header.ColNames.Count;
            var errors = new List<string>();
            foreach (var row in reader)
            {
                rows++;
                if ((rows & 0x3FFF) == 0)
                {
                    options.BytesRead?.Report(SafePosition(stream));
                }

                errors.Clear();
                if (!ParseCsvPost(row, c, width, accounts, errors, out var view))
                {
                    problems.Add(row.LineNumberFrom, string.Join("; ", errors));
                    continue;
                }

                onPost(view);
                accepted++;
            }
        }

        options.BytesRead?.Report(SafePosition(stream));
        var summary = problems.Summary(rows, accepted);
        Finish(summary, options, "posts");
        return summary;
    }

    private static bool ParseJsonPost(long line, JsonElement obj, SocialAccountDirectory accounts, ProblemList problems, PostHandler onPost)
    {
        var errors = new List<string>();
        var accountId = (JsonField(obj, "account_id") ?? "").Trim();
        var accountIndex = accounts.IndexOf(accountId);
        if (accountIndex < 0)
        {
            errors.Add(accountId.Length == 0 ? "account_id is empty" : $"account_id '{Clip(accountId)}' is not in the accounts file");
        }

        var postId = (JsonField(obj, "post_id") ?? "").Trim();
        if (postId.Length == 0)
        {
            errors.Add("post_id is empty");
        }

        var postedText = (JsonField(obj, "posted_at") ?? "").Trim();
        if (!TryParseInstant(postedText, out var postedAt))
        {
            errors.Add($"posted_at '{Clip(postedText)}' is not an ISO 8601 date and time");
        }

        var likes = WholeNumber(JsonField(obj, "likes"), "likes", errors);
        var reposts = WholeNumber(JsonField(obj, "reposts"), "reposts", errors);
        var quotes = WholeNumber(JsonField(obj, "quotes"), "quotes", errors);
        var replies = WholeNumber(JsonField(obj, "replies"), "replies", errors);
        var isRepost = Flag(JsonField(obj, "is_repost"), "is_repost", errors);
        long? impressions = null;
        if (JsonField(obj, "impressions") is { Length: > 0 } impressionsText)
        {
            impressions = WholeNumber(impressionsText, "impressions", errors);
        }

        if (errors.Count > 0)
        {
            problems.Add(line, string.Join("; ", errors));
            return false;
        }

        onPost(new PostView
        {
            Line = line,
            PostId = postId,
            AccountId = accountId,
            AccountIndex = accountIndex,
            PostedAt = postedAt,
            Text = JsonField(obj, "text") ?? "",
            Likes = likes,
            Reposts = reposts,
            Quotes = quotes,
            Replies = replies,
            IsRepost = isRepost,
            OriginalAuthor = (JsonField(obj, "original_author") ?? "").Trim(),
            Impressions = impressions,
        });
        return true;
    }

    private static bool ParseCsvPost(SepReader.Row row, in PostColumnIndexes c, int width, SocialAccountDirectory accounts, List<string> errors, out PostView view)
    {
        view = default;
        if (row.ColCount != width)
        {
            errors.Add($"has {row.ColCount} columns but the header has {width}");
            return false;
        }

        var accountId = row[c.AccountId].Span.Trim();
        var accountIndex = accounts.IndexOf(accountId);
        if (accountIndex < 0)
        {
            errors.Add(accountId.IsEmpty ? "account_id is empty" : $"account_id '{Clip(accountId.ToString())}' is not in the accounts file");
        }

        var postId = row[c.PostId].Span.Trim();
        if (postId.IsEmpty)
        {
            errors.Add("post_id is empty");
        }

        var postedText = row[c.PostedAt].Span.Trim();
        if (!TryParseInstant(postedText, out var postedAt))
        {
            errors.Add($"posted_at '{Clip(postedText.ToString())}' is not an ISO 8601 date and time");
        }

        var likes = WholeNumber(row[c.Likes].Span, "likes", errors);
        var reposts = WholeNumber(row[c.Reposts].Span, "reposts", errors);
        var quotes = WholeNumber(row[c.Quotes].Span, "quotes", errors);
        var replies = WholeNumber(row[c.Replies].Span, "replies", errors);
        var isRepost = Flag(row[c.IsRepost].Span, "is_repost", errors);
        long? impressions = null;
        if (c.Impressions >= 0)
        {
            var text = row[c.Impressions].Span.Trim();
            if (!text.IsEmpty)
            {
                impressions = WholeNumber(text, "impressions", errors);
            }
        }

        if (errors.Count > 0)
        {
            return false;
        }

        view = new PostView
        {
            Line = row.LineNumberFrom,
            PostId = postId,
            AccountId = accountId,
            AccountIndex = accountIndex,
            PostedAt = postedAt,
            Text = row[c.Text].Span,
            Likes = likes,
            Reposts = reposts,
            Quotes = quotes,
            Replies = replies,
            IsRepost = isRepost,
            OriginalAuthor = c.OriginalAuthor >= 0 ? row[c.OriginalAuthor].Span.Trim() : default,
            Impressions = impressions,
        };
        return true;
    }

    // ---------------------------------------------------------------- shared

    private static SepReader OpenCsv(Stream stream, string fileName)
    {
        try
        {
            var reader = Sep.New(',').Reader(o => o with
            {
                HasHeader = true,
                Unescape = true,
                DisableColCountCheck = true,
                ColNameComparer = StringComparer.OrdinalIgnoreCase,
            }).From(stream, leaveOpen: true);
            if (reader.Header.IsEmpty || reader.Header.ColNames.All(string.IsNullOrWhiteSpace))
            {
                reader.Dispose();
                throw new SocialImportException($"{fileName} is empty: expected a header row naming the columns, then one row per record.");
            }

            return reader;
        }
        catch (Exception ex) when (ex is not SocialImportException)
        {
            throw new SocialImportException($"{fileName} could not be read as CSV: {ex.Message}");
        }
    }

    private static Dictionary<string, int> CsvColumns(SepReader reader, string fileName, string[] required, string[] optional)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = reader.Header.ColNames;
        for (var i = 0; i < names.Count; i++)
        {
            var name = names[i].Trim().TrimStart('\uFEFF').ToLowerInvariant();
            if (name.Length > 0 && !columns.TryAdd(name, i))
            {
                throw new SocialImportException($"{fileName}: the column '{Shorten(name)}' appears twice in the header.");
            }
        }

        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            throw new SocialImportException(
                $"{fileName} is missing the column{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)}. " +
                $"Expected {string.Join(", ", required)} (and optionally {string.Join(", ", optional)}); {DescribeHeader(names)}.");
        }

        return columns;
    }

    /// <summary>
    /// What the first line held, safe to show on a page: never the bytes of a binary file (which would fill the page with
    /// noise), at most <see cref="HeaderNamesShown"/> names of at most <see cref="HeaderNameLength"/> characters each.
    /// </summary>
    internal static string DescribeHeader(IReadOnlyList<string> names)
    {
        // A header is column names: nearly all printable ASCII. Bytes read as text give replacement characters, control
        // characters and scattered letters of other scripts.
        var all = string.Concat(names);
        if (all.Any(c => c == '\uFFFD' || (char.IsControl(c) && c is not '\t') || char.IsSurrogate(c))
            || all.Count(c => c is >= ' ' and <= '~') < all.Length * 0.9)
        {
            return "the first line is not a header of column names (the file looks like a binary file, not CSV text)";
        }

        var shown = names.Select(n => Shorten(n.Trim())).Where(n => n.Length > 0).Take(HeaderNamesShown).ToList();
        return shown.Count == 0 ? "the first line is empty"
            : $"found {string.Join(", ", shown)}" + (names.Count > HeaderNamesShown ? $" and {names.Count - HeaderNamesShown:N0} more" : "");
    }

    private const int HeaderNamesShown = 20;
    private const int HeaderNameLength = 40;

    private static string Shorten(string name) => name.Length <= HeaderNameLength ? name : name[..(HeaderNameLength - 1)] + "…";

    private static void ReadJsonLines(Stream stream, string fileName, string[] required, SocialReadOptions options, Action<long, JsonElement> onObject, Action<long, string> onBad)
    {
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        long line = 0;
        var checkedFields = false;
        var problems = 0;
        while (text.ReadLine() is { } raw)
        {
            line++;
            if ((line & 0x3FFF) == 0)
            {
                options.BytesRead?.Report(SafePosition(stream));
            }

            if (string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(raw);
            }
            catch (JsonException ex)
            {
                onBad(line, $"is not valid JSON ({ex.Message.Split(" Path:", 2)[0].TrimEnd('.')})");
                problems++;
                continue;
            }

            using (document)
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    onBad(line, "is not a JSON object");
                    problems++;
                    continue;
                }

                if (!checkedFields)
                {
                    var missing = required.Where(r => FindProperty(document.RootElement, r) is null).ToList();
                    if (missing.Count > 0)
                    {
                        throw new SocialImportException(
                            $"{fileName}: the first record (line {line}) has no {string.Join(", ", missing)}. Expected every record to have {string.Join(", ", required)}.");
                    }

                    checkedFields = true;
                }

                onObject(line, document.RootElement);
            }
        }

        if (!checkedFields && problems == 0)
        {
            throw new SocialImportException($"{fileName} is empty: expected one JSON object per line.");
        }
    }

    private static JsonElement? FindProperty(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string? JsonField(JsonElement obj, string name)
    {
        return FindProperty(obj, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.Null } => "",
            { ValueKind: JsonValueKind.String } v => v.GetString(),
            { ValueKind: JsonValueKind.True } => "true",
            { ValueKind: JsonValueKind.False } => "false",
            { } v => v.GetRawText(),
        };
    }

    private static long WholeNumber(ReadOnlySpan<char> text, string column, List<string> errors)
    {
        text = text.Trim();
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add(text.IsEmpty ? $"{column} is empty; expected a whole number of 0 or more" : $"{column} '{Clip(text.ToString())}' is not a whole number of 0 or more");
        return 0;
    }

    private static long WholeNumber(string? text, string column, List<string> errors) => WholeNumber((text ?? "").AsSpan(), column, errors);

    private static bool Flag(ReadOnlySpan<char> text, string column, List<string> errors)
    {
        text = text.Trim();
        if (text.IsEmpty || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("0") || text.Equals("no", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (text.Equals("true", StringComparison.OrdinalIgnoreCase) || text.SequenceEqual("1") || text.Equals("yes", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        errors.Add($"{column} '{Clip(text.ToString())}' is not true or false");
        return false;
    }

    private static bool Flag(string? text, string column, List<string> errors) => Flag((text ?? "").AsSpan(), column, errors);

    /// <summary>ISO 8601 instants; without an offset the time is taken as UTC. The common "yyyy-MM-ddTHH:mm:ssZ" form is parsed directly.</summary>
    public static bool TryParseInstant(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (text.Length == 20 && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':' && text[19] == 'Z'
            && Digits(text, 0, 4, out var year) && Digits(text, 5, 2, out var month) && Digits(text, 8, 2, out var day)
            && Digits(text, 11, 2, out var hour) && Digits(text, 14, 2, out var minute) && Digits(text, 17, 2, out var second)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) && hour < 24 && minute < 60 && second < 60 && year >= 1)
        {
            value = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
            return true;
        }

        if (text.Length >= 10 && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value)
            && char.IsAsciiDigit(text[0]) && text[4] == '-')
        {
            return true;
        }

        value = default;
        return false;
    }

    private static bool Digits(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    private static string Clip(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 40), "…");

    private static long SafePosition(Stream stream)
    {
        try
        {
            return stream.CanSeek ? stream.Position : 0;
        }
        catch (ObjectDisposedException)
        {
            return 0;
        }
    }

    private static void Finish(SocialReadSummary summary, SocialReadOptions options, string what)
    {
        if (summary.Rows == 0)
        {
            throw new SocialImportException($"{summary.File} has a header but no {what}.");
        }

        if (options.Strict && summary.ProblemCount > 0)
        {
            throw new SocialImportException(
                $"{summary.File} has {summary.ProblemCount:N0} bad row{(summary.ProblemCount == 1 ? "" : "s")}, so nothing was imported (strict mode). " +
                $"First: {summary.Problems[0]}", summary.Problems);
        }

        if (summary.Accepted == 0)
        {
            throw new SocialImportException(
                $"None of the {summary.Rows:N0} {what} in {summary.File} could be used. First problem: {summary.Problems[0]}", summary.Problems);
        }
    }

    private readonly struct PostColumnIndexes(Dictionary<string, int> columns)
    {
        public int PostId { get; } = columns["post_id"];
        public int AccountId { get; } = columns["account_id"];
        public int PostedAt { get; } = columns["posted_at"];
        public int Text { get; } = columns["text"];
        public int Likes { get; } = columns["likes"];
        public int Reposts { get; } = columns["reposts"];
        public int Quotes { get; } = columns["quotes"];
        public int Replies { get; } = columns["replies"];
        public int IsRepost { get; } = columns["is_repost"];
        public int OriginalAuthor { get; } = columns.GetValueOrDefault("original_author", -1);
        public int Impressions { get; } = columns.GetValueOrDefault("impressions", -1);
    }

    private sealed class ProblemList(string file, int max)
    {
        private readonly List<RowProblem> _problems = [];
        private long _count;

        public void Add(long line, string message)
        {
            _count++;
            if (_problems.Count < max)
            {
                _problems.Add(new RowProblem(file, line, message));
            }
        }

        public SocialReadSummary Summary(long rows, long accepted) => new(file, rows, accepted, _count, _problems);
    }
}
