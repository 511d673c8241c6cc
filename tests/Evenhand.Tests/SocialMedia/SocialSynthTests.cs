using System.CommandLine;
using System.Globalization;
using System.Text;
using Evenhand.Cli;
using Evenhand.Forces;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Synthetic;
using nietras.SeparatedValues;
using Xunit.Abstractions;

namespace Evenhand.Tests.SocialMedia;

/// <summary>One synthetic export of 200,000 posts from 600 accounts, parsed once and shared by the realism tests.</summary>
public sealed class SocialSynthSample
{
    public const int PostCount = 200_000;
    public const int AccountCount = 600;

    public SocialSynthSample()
    {
        var accounts = new StringWriter();
        var posts = new StringWriter();
        SocialSynth.Write(new SynthOptions(PostCount, AccountCount, Seed: 1), accounts, posts);
        AccountsCsv = accounts.ToString();
        PostsCsv = posts.ToString();

        using (var reader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(AccountsCsv)))
        {
            AccountColumns = reader.Header.ColNames.Count;
            foreach (var row in reader)
            {
                Assert.Equal(AccountColumns, row.ColCount);
                Accounts.Add(new AccountRow(row["account_id"].ToString(), row["handle"].ToString(), row["full_name"].ToString(), row["description"].ToString(),
                    long.Parse(row["followers"].Span, CultureInfo.InvariantCulture), long.Parse(row["total_posts"].Span, CultureInfo.InvariantCulture),
                    row["created_at"].ToString(), row["location"].ToString(), row["verified"].ToString(), row["url"].ToString(), row["force"].ToString(),
                    row["account_type"].ToString()));
            }
        }

        using (var reader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(PostsCsv)))
        {
            PostColumns = reader.Header.ColNames.Count;
            foreach (var row in reader)
            {
                Assert.Equal(PostColumns, row.ColCount);
                Posts.Add(new PostRow(row["post_id"].ToString(), row["account_id"].ToString(), row["posted_at"].ToString(), row["text"].ToString(),
                    long.Parse(row["likes"].Span, CultureInfo.InvariantCulture), long.Parse(row["reposts"].Span, CultureInfo.InvariantCulture),
                    long.Parse(row["quotes"].Span, CultureInfo.InvariantCulture), long.Parse(row["replies"].Span, CultureInfo.InvariantCulture),
                    row["is_repost"].ToString(), row["original_author"].ToString()));
            }
        }

        var topicOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var t = 0; t < Lexicon.Topics.Count; t++)
        {
            foreach (var k in Lexicon.Topics[t].Keywords)
            {
                topicOf[k] = t;
            }
        }

        var categoryOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < Lexicon.Operational.Count; c++)
        {
            foreach (var k in Lexicon.Operational[c].Keywords)
            {
                categoryOf[k] = c;
            }
        }

        foreach (var post in Posts)
        {
            var tokens = Tokenizer.Tokens(post.Text);
            var topics = tokens.Where(topicOf.ContainsKey).Select(t => topicOf[t]).ToList();
            var operational = tokens.Count(categoryOf.ContainsKey);
            Kinds.Add(new PostKind(tokens, topics, operational));
        }
    }

    public static SocialLexicon Lexicon => SocialLexicon.Default;

    public string AccountsCsv { get; }

    public string PostsCsv { get; }

    public int AccountColumns { get; }

    public int PostColumns { get; }

    public List<AccountRow> Accounts { get; } = [];

    public List<PostRow> Posts { get; } = [];

    /// <summary>Per post, in the same order: its tokens, the topics of its topic keywords and how many operational keywords it has.</summary>
    public List<PostKind> Kinds { get; } = [];

    public sealed record AccountRow(string Id, string Handle, string FullName, string Description, long Followers, long TotalPosts, string CreatedAt,
        string Location, string Verified, string Url, string Force, string Type);

    public sealed record PostRow(string Id, string AccountId, string PostedAt, string Text, long Likes, long Reposts, long Quotes, long Replies,
        string IsRepost, string OriginalAuthor)
    {
        public long Engagement => Likes + Reposts + Quotes + Replies;

        public bool Repost => IsRepost == "true";
    }

    /// <summary>Genuinely non-operational: topic keywords and no operational keyword. A mention: both.</summary>
    public sealed record PostKind(List<string> Tokens, List<int> Topics, int OperationalKeywords)
    {
        public bool NonOperational => Topics.Count > 0 && OperationalKeywords == 0;

        public bool Mention => Topics.Count > 0 && OperationalKeywords > 0;
    }
}

public sealed class SocialSynthTests(SocialSynthSample sample, ITestOutputHelper output) : IClassFixture<SocialSynthSample>
{
    private const string AccountsHeader = "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type";
    private const string PostsHeader = "post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author";

    // ------------------------------------------------------------ format

    [Fact]
    public void Same_seed_and_options_give_byte_identical_files_and_another_seed_differs()
    {
        static (string, string) Run(int seed, bool impressions = false)
        {
            var accounts = new StringWriter();
            var posts = new StringWriter();
            SocialSynth.Write(new SynthOptions(30_000, 120, seed, impressions), accounts, posts);
            return (accounts.ToString(), posts.ToString());
        }

        var first = Run(7);
        var second = Run(7);
        Assert.Equal(first.Item1, second.Item1);
        Assert.Equal(first.Item2, second.Item2);

        var other = Run(8);
        Assert.NotEqual(first.Item2, other.Item2);

        var withImpressions = Run(7, impressions: true);
        Assert.Equal(withImpressions, Run(7, impressions: true));

        var v1 = new StringWriter();
        var v2 = new StringWriter();
        SocialSynth.WriteVectors(v1, 3000, 20, 5);
        SocialSynth.WriteVectors(v2, 3000, 20, 5);
        Assert.Equal(v1.ToString(), v2.ToString());
    }

    [Fact]
    public void Files_in_a_directory_are_utf8_without_bom_with_lf_line_endings_and_exact_headers()
    {
        var folder = Path.Combine(Path.GetTempPath(), "evenhand-synth-" + Guid.NewGuid().ToString("N"), "nested");
        try
        {
            var summary = SocialSynth.WriteToDirectory(new SynthOptions(5_000, 60, 3, Impressions: true), folder);
            Assert.Equal(60, summary.Accounts);
            Assert.Equal(5_000, summary.Posts);
            Assert.Equal(Path.Combine(Path.GetFullPath(folder), "accounts.csv"), summary.AccountsPath);
            Assert.Equal(Path.Combine(Path.GetFullPath(folder), "posts.csv"), summary.PostsPath);

            foreach (var path in new[] { summary.AccountsPath!, summary.PostsPath! })
            {
                var bytes = File.ReadAllBytes(path);
                Assert.False(bytes is [0xEF, 0xBB, 0xBF, ..], "no byte order mark");
                Assert.DoesNotContain((byte)'\r', bytes);
                Assert.Equal((byte)'\n', bytes[^1]);
            }

            Assert.Equal(AccountsHeader, File.ReadLines(summary.AccountsPath!).First());
            Assert.Equal(PostsHeader + ",impressions", File.ReadLines(summary.PostsPath!).First());

            using var reader = Sep.Reader(o => o with { Unescape = true }).FromFile(summary.PostsPath!);
            var rows = 0;
            foreach (var row in reader)
            {
                rows++;
                var impressions = long.Parse(row["impressions"].Span, CultureInfo.InvariantCulture);
                var engagement = long.Parse(row["likes"].Span, CultureInfo.InvariantCulture) + long.Parse(row["reposts"].Span, CultureInfo.InvariantCulture)
                    + long.Parse(row["quotes"].Span, CultureInfo.InvariantCulture) + long.Parse(row["replies"].Span, CultureInfo.InvariantCulture);
                Assert.True(impressions >= engagement && impressions > 0);
            }

            Assert.Equal(5_000, rows);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Fact]
    public void Headers_are_exact_and_every_row_parses_with_the_header_column_count()
    {
        Assert.Equal(AccountsHeader, sample.AccountsCsv[..sample.AccountsCsv.IndexOf('\n')]);
        Assert.Equal(PostsHeader, sample.PostsCsv[..sample.PostsCsv.IndexOf('\n')]);
        Assert.Equal(12, sample.AccountColumns);
        Assert.Equal(10, sample.PostColumns);
        Assert.Equal(SocialSynthSample.AccountCount, sample.Accounts.Count);
        Assert.Equal(SocialSynthSample.PostCount, sample.Posts.Count);

        // Texts exercise the quoting rules: commas, doubled quotes and the odd line break inside a field.
        Assert.Contains(sample.Posts, p => p.Text.Contains(','));
        Assert.Contains(sample.Posts, p => p.Text.Contains('"'));
        Assert.Contains(sample.Posts, p => p.Text.Contains('\n'));
        Assert.DoesNotContain(sample.Posts, p => p.Text.Contains('\r'));
        Assert.Contains(sample.Accounts, a => a.Description.Contains('\n'));
        Assert.Contains("\"\"", sample.PostsCsv, StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_unique_and_every_post_refers_to_an_account_in_the_file()
    {
        var accountIds = sample.Accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(sample.Accounts.Count, accountIds.Count);
        Assert.All(sample.Accounts, a => Assert.Matches("^a[0-9]{4}$", a.Id));
        Assert.Equal(sample.Posts.Count, sample.Posts.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("p000000001", sample.Posts[0].Id);
        Assert.All(sample.Posts, p => Assert.Contains(p.AccountId, accountIds));

        var handles = sample.Accounts.Select(a => a.Handle).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.Equal(sample.Accounts.Count, handles.Count);
    }

    [Fact]
    public void Fields_have_the_documented_forms()
    {
        var slugs = ForceCatalogue.All.Select(f => f.Slug).ToHashSet(StringComparer.Ordinal);
        foreach (var a in sample.Accounts)
        {
            Assert.StartsWith("@", a.Handle, StringComparison.Ordinal);
            Assert.Contains(a.Force, slugs);
            Assert.Contains(a.Type, new[] { "main", "individual", "team", "network" });
            Assert.Contains(a.Verified, new[] { "true", "false" });
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", a.CreatedAt);
            Assert.True(SocialFileReader.TryParseInstant(a.CreatedAt, out var created) && created < new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero));
            Assert.True(a.Url.Length == 0 || a.Url.StartsWith("https://", StringComparison.Ordinal));
        }

        var start = new DateTimeOffset(2017, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var end = new DateTimeOffset(2023, 11, 28, 0, 0, 0, TimeSpan.Zero);
        var previous = start;
        foreach (var p in sample.Posts)
        {
            Assert.True(SocialFileReader.TryParseInstant(p.PostedAt, out var at), p.PostedAt);
            Assert.True(at >= start && at < end, p.PostedAt);
            Assert.True(at >= previous, "posts are in time order");
            previous = at;
            Assert.Contains(p.IsRepost, new[] { "true", "false" });
            if (p.Repost)
            {
                Assert.StartsWith("@", p.OriginalAuthor, StringComparison.Ordinal);
                Assert.StartsWith("RT " + p.OriginalAuthor + ": ", p.Text, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal("", p.OriginalAuthor);
            }

            Assert.True(p.Likes >= 0 && p.Reposts >= 0 && p.Quotes >= 0 && p.Replies >= 0);
        }
    }

    // ------------------------------------------------------------ realism (the report's social media research)

    [Fact]
    public void Accounts_follow_the_report_one_main_account_per_force_and_types_mostly_inferable()
    {
        var mains = sample.Accounts.Where(a => a.Type == "main").ToList();
        Assert.Equal(ForceCatalogue.All.Count, mains.Count);
        Assert.Equal(ForceCatalogue.All.Count, mains.Select(a => a.Force).Distinct().Count());
        Assert.Equal(ForceCatalogue.All.Count, sample.Accounts.Select(a => a.Force).Distinct().Count());
        Assert.Contains(mains, a => a.Handle == "@CheshirePolice");

        var postsPerAccount = sample.Posts.GroupBy(p => p.AccountId).ToDictionary(g => g.Key, g => g.Count());
        foreach (var a in sample.Accounts)
        {
            Assert.True(postsPerAccount.GetValueOrDefault(a.Id) >= 1, $"{a.Handle} has no posts");
            Assert.True(a.TotalPosts >= postsPerAccount[a.Id], $"{a.Handle}: total_posts {a.TotalPosts} < {postsPerAccount[a.Id]} generated");
            if (a.Type == "main")
            {
                Assert.InRange(a.Followers, 10_000, 1_000_000);
            }
            else
            {
                Assert.InRange(a.Followers, 50, 100_000);
            }
        }

        var agree = sample.Accounts.Count(a => AccountTypeInference.Infer(a.Handle, a.FullName, a.Description).Type.ToString().Equals(a.Type, StringComparison.OrdinalIgnoreCase));
        var agreement = (double)agree / sample.Accounts.Count;
        output.WriteLine($"Account type inference agrees on {agreement:P1} of accounts");
        Assert.True(agreement >= 0.9, $"inference agrees on only {agreement:P1}");

        var medianMain = Median(mains.Select(a => a.Followers));
        var medianOther = Median(sample.Accounts.Where(a => a.Type != "main").Select(a => a.Followers));
        Assert.True(medianMain > 10 * medianOther, $"main median {medianMain}, others {medianOther}");
    }

    [Fact]
    public void Account_types_have_the_reports_shares_of_accounts_and_posts()
    {
        var typeOf = sample.Accounts.ToDictionary(a => a.Id, a => a.Type);
        double AccountShare(string type) => (double)sample.Accounts.Count(a => a.Type == type) / sample.Accounts.Count;
        double PostShare(string type) => (double)sample.Posts.Count(p => typeOf[p.AccountId] == type) / sample.Posts.Count;
        foreach (var type in new[] { "main", "individual", "team", "network" })
        {
            output.WriteLine($"{type}: {AccountShare(type):P1} of accounts, {PostShare(type):P2} of posts");
        }

        // One main account for each of the 43 forces is 7.2 percent of 600 (the report: 5 percent of its 597).
        Assert.InRange(AccountShare("main"), 0.04, 0.08);
        Assert.InRange(PostShare("main"), 0.06, 0.08);
        Assert.InRange(PostShare("network"), 0.02, 0.04);
        Assert.InRange(PostShare("individual") + PostShare("team"), 0.87, 0.92);
    }

    [Fact]
    public void Engagement_is_heavy_tailed_like_the_reports()
    {
        var followers = sample.Accounts.ToDictionary(a => a.Id, a => a.Followers);
        var n = (double)sample.Posts.Count;
        var zero = sample.Posts.Count(p => p.Engagement == 0) / n;
        var under10 = sample.Posts.Count(p => p.Engagement < 10) / n;
        var over10k = sample.Posts.Count(p => p.Engagement > 10_000);
        var underOnePerFollower = sample.Posts.Count(p => p.Engagement < followers[p.AccountId]) / n;
        output.WriteLine($"zero {zero:P2}, under 10 {under10:P2}, over 10,000 {over10k} ({over10k / n:P3}), under 1 per follower {underOnePerFollower:P2}");

        Assert.InRange(zero, 0.06, 0.10);
        Assert.InRange(under10, 0.53, 0.61);
        Assert.InRange(over10k / n, 0.0010, 0.0025);
        // The report's 84 percent is lower than these targets allow (see SynthGenerator); the synthetic data gives about 94.
        Assert.InRange(underOnePerFollower, 0.80, 0.97);

        // Likes dominate, then reposts, replies and quotes.
        var likes = sample.Posts.Sum(p => p.Likes);
        var reposts = sample.Posts.Sum(p => p.Reposts);
        var replies = sample.Posts.Sum(p => p.Replies);
        var quotes = sample.Posts.Sum(p => p.Quotes);
        Assert.True(likes > reposts && reposts > replies && replies > quotes, $"{likes} {reposts} {replies} {quotes}");

        // Engagement scales with followers: main accounts' own posts get more.
        var typeOf = sample.Accounts.ToDictionary(a => a.Id, a => a.Type);
        var mainMedian = Median(sample.Posts.Where(p => !p.Repost && typeOf[p.AccountId] == "main").Select(p => p.Engagement));
        var otherMedian = Median(sample.Posts.Where(p => !p.Repost && typeOf[p.AccountId] != "main").Select(p => p.Engagement));
        Assert.True(mainMedian > 5 * otherMedian, $"main median {mainMedian}, others {otherMedian}");
    }

    [Fact]
    public void Texts_are_operational_except_for_a_small_share_about_the_three_topics()
    {
        var n = (double)sample.Posts.Count;
        var typeOf = sample.Accounts.ToDictionary(a => a.Id, a => a.Type);
        var nonOp = Enumerable.Range(0, sample.Posts.Count).Where(i => sample.Kinds[i].NonOperational).ToList();
        var mentions = sample.Kinds.Count(k => k.Mention);
        var share = nonOp.Count / n;
        var topics = SocialSynthSample.Lexicon.Topics;
        var byTopic = topics.Select((t, i) => nonOp.Count(p => sample.Kinds[p].Topics[0] == i) / (double)nonOp.Count).ToArray();
        output.WriteLine($"non-operational {nonOp.Count} ({share:P2}): " + string.Join(", ", topics.Select((t, i) => $"{t.Name} {byTopic[i]:P1}")));
        output.WriteLine($"operational posts mentioning a topic {mentions} ({mentions / n:P2})");

        // Every post is operational (an operational keyword) or non-operational with two or more words of one topic.
        Assert.All(sample.Kinds, k => Assert.True(k.OperationalKeywords > 0 || (k.Topics.Count >= 2 && k.Topics.Distinct().Count() == 1), string.Join(' ', k.Tokens)));
        Assert.InRange(share, 0.0065, 0.0115);
        Assert.InRange(byTopic[topics.ToList().FindIndex(t => t.Name == "gender and sexuality")], 0.64, 0.80);
        Assert.InRange(mentions / n, 0.011, 0.019);

        // Non-operational posts come disproportionately from networks and individuals.
        double Share(IEnumerable<int> posts, string type) => posts.Count(p => typeOf[sample.Posts[p].AccountId] == type) / (double)posts.Count();
        var all = Enumerable.Range(0, sample.Posts.Count).ToList();
        Assert.True(Share(nonOp, "network") > 5 * Share(all, "network"));
        Assert.True(Share(nonOp, "individual") > Share(all, "individual"));
        Assert.True(Share(nonOp, "main") < Share(all, "main"));

        // As in the report, most non-operational posts get little engagement, and any over 10,000 are reposts of outside accounts.
        var handles = sample.Accounts.Select(a => a.Handle).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var under10 = nonOp.Count(p => sample.Posts[p].Engagement < 10) / (double)nonOp.Count;
        output.WriteLine($"non-operational under 10 engagements {under10:P1}, over 10,000: {nonOp.Count(p => sample.Posts[p].Engagement > 10_000)}");
        Assert.InRange(under10, 0.85, 0.96);
        foreach (var p in nonOp.Select(i => sample.Posts[i]).Where(p => p.Engagement > 10_000))
        {
            Assert.True(p.Repost && !handles.Contains(p.OriginalAuthor) && typeOf[p.AccountId] != "main", p.Text);
        }

        // Texts look like police posts: crime references, links and hashtags.
        Assert.Contains(sample.Posts, p => System.Text.RegularExpressions.Regex.IsMatch(p.Text, @"\b\d{2}\*\d{6}\b"));
        Assert.True(sample.Posts.Count(p => p.Text.Contains("https://", StringComparison.Ordinal)) > n / 3);
        Assert.True(sample.Posts.Count(p => p.Text.Contains('#')) > n / 3);
    }

    [Fact]
    public void Reposts_are_a_tenth_to_a_seventh_of_posts_and_mostly_of_outside_accounts()
    {
        var handles = sample.Accounts.Select(a => a.Handle).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var reposts = sample.Posts.Where(p => p.Repost).ToList();
        var share = reposts.Count / (double)sample.Posts.Count;
        var police = reposts.Count(p => handles.Contains(p.OriginalAuthor)) / (double)reposts.Count;
        output.WriteLine($"reposts {share:P1}, of police accounts {police:P1}");
        Assert.InRange(share, 0.10, 0.15);
        Assert.InRange(police, 0.05, 0.49);
    }

    [Fact]
    public void Templates_hold_their_keywords_and_fillers_add_no_keywords()
    {
        var lexicon = SocialLexicon.Default;
        var topicWords = lexicon.Topics.SelectMany(t => t.Keywords).ToHashSet(StringComparer.Ordinal);
        var operationalWords = lexicon.Operational.SelectMany(t => t.Keywords).ToHashSet(StringComparer.Ordinal);
        static List<string> Literal(Template t) => [.. t.Segments.Where(s => s.Slot == Slot.Literal).SelectMany(s => Tokenizer.Tokens(s.Text!))];

        for (var c = 0; c < SynthTemplates.CategoryCount; c++)
        {
            Assert.NotEmpty(SynthTemplates.Operational[c]);
            foreach (var t in SynthTemplates.Operational[c])
            {
                var tokens = Literal(t);
                Assert.True(tokens.Any(lexicon.Operational[c].Keywords.Contains), $"'{t.Source}' has no {lexicon.Operational[c].Name} keyword");
                Assert.DoesNotContain(tokens, topicWords.Contains);
            }

            Assert.All(SynthTemplates.CategoryTags[c].SelectMany(Tokenizer.Tokens), w => Assert.DoesNotContain(w, topicWords));
        }

        foreach (var t in SynthTemplates.Mentions)
        {
            var tokens = Literal(t);
            Assert.True(tokens.Any(lexicon.Operational[t.Category].Keywords.Contains), t.Source);
            Assert.True(tokens.Any(topicWords.Contains) || t.Segments.Any(s => s.Slot is Slot.GenderTag or Slot.RaceTag or Slot.ClimateTag), t.Source);
        }

        foreach (var t in SynthTemplates.NonOperational.Concat(SynthTemplates.ExternalNonOperational).SelectMany(x => x))
        {
            var tokens = Literal(t);
            Assert.True(tokens.Count(lexicon.Topics[t.Topic].Keywords.Contains) >= 2, t.Source);
            Assert.DoesNotContain(tokens, operationalWords.Contains);
        }

        // No filler brings in a topic keyword, and the fillers of non-operational posts (and the handles of reposts) bring in
        // no operational keyword either. Operational fillers may ("Station Road" in an appeal).
        string[][] nonOperationalFillers =
        [
            SynthWords.Numbers, SynthWords.Emojis, SynthWords.FirstNames,
            [.. SynthForce.All.SelectMany(f => f.Towns.Append(f.Name).Append(f.Place).Append(f.MainHandle))],
            [.. SynthExternal.Operational.Concat(SynthExternal.Topics).Select(a => a.Handle)],
            [.. SynthAccounts.RepostableHandles()],
        ];
        var nonOperationalSlots = new HashSet<Slot> { Slot.Literal, Slot.Town, Slot.Force, Slot.Short, Slot.First, Slot.Num, Slot.Emoji, Slot.Link };
        Assert.All(SynthTemplates.NonOperational.Concat(SynthTemplates.ExternalNonOperational).SelectMany(x => x).SelectMany(t => t.Segments),
            s => Assert.Contains(s.Slot, nonOperationalSlots));
        string[][] operationalFillers =
        [
            SynthWords.Streets, SynthWords.Roads, SynthWords.Junctions, SynthWords.Times, SynthWords.Weekdays, SynthWords.Months, SynthWords.Clothing,
            SynthWords.Vehicles, SynthWords.Offences, SynthWords.Charges, SynthWords.Sentences, SynthWords.Items, SynthWords.Drugs, SynthWords.Weapons,
            SynthWords.Amounts, SynthWords.Operations, SynthWords.Events, SynthWords.DogNames, SynthWords.Surnames,
        ];
        foreach (var word in nonOperationalFillers.SelectMany(f => f).SelectMany(Tokenizer.Tokens))
        {
            Assert.DoesNotContain(word, topicWords);
            Assert.DoesNotContain(word, operationalWords);
        }

        foreach (var word in operationalFillers.SelectMany(f => f).SelectMany(Tokenizer.Tokens))
        {
            Assert.DoesNotContain(word, topicWords);
        }
    }

    // ------------------------------------------------------------ word vectors

    [Fact]
    public void Vector_file_is_well_formed_and_covers_every_word_the_posts_use()
    {
        var text = new StringWriter();
        SocialSynth.WriteVectors(text, 5_000, 50, 1);
        var lines = text.ToString().Split('\n');
        Assert.Equal("", lines[^1]);
        Assert.Equal("5000 50", lines[0]);
        Assert.Equal(5_002, lines.Length);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1).SkipLast(1))
        {
            var parts = line.Split(' ');
            Assert.Equal(51, parts.Length);
            Assert.True(words.Add(parts[0]), $"'{parts[0]}' appears twice");
            Assert.Equal(parts[0].ToLowerInvariant(), parts[0]);
            for (var d = 1; d < parts.Length; d++)
            {
                Assert.True(float.TryParse(parts[d], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && float.IsFinite(v), parts[d]);
            }
        }

        // Every word of the posts is in the file (numbers aside: ages, references and the like).
        var missing = sample.Kinds.SelectMany(k => k.Tokens).Where(t => !t.All(char.IsAsciiDigit) && !words.Contains(t)).Distinct().Take(20).ToList();
        Assert.True(missing.Count == 0, "not in the vectors: " + string.Join(", ", missing));

        // The product's own reader accepts it.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var loaded = WordVectors.Load(stream, "synthetic.vec");
        Assert.Equal(5_000, loaded.Count);
        Assert.Equal(50, loaded.Dimensions);

        // Small files take the first words; large ones add invented fillers.
        var small = new StringWriter();
        SocialSynth.WriteVectors(small, 10, 2, 1);
        Assert.Equal(11, small.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("10 2\nclimate ", small.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Vectors_separate_non_operational_posts_from_operational_posts_that_mention_a_topic()
    {
        var text = new StringWriter();
        SocialSynth.WriteVectors(text, 5_000, 50, 1);
        var vectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        foreach (var line in text.ToString().Split('\n').Skip(1).Where(l => l.Length > 0))
        {
            var parts = line.Split(' ');
            var v = parts.Skip(1).Select(p => float.Parse(p, CultureInfo.InvariantCulture)).ToArray();
            vectors[parts[0]] = Unit(v);
        }

        // The classifier's definitions: sums of unit vectors of in-vocabulary words (posts leave out common words); cosine.
        var topics = SocialSynthSample.Lexicon.Topics.Select(t => Unit(Sum(t.Keywords.Where(vectors.ContainsKey).Select(k => vectors[k]), 50))).ToArray();
        double Score(List<string> tokens, int topic)
        {
            var embedding = Sum(tokens.Where(t => !StopWords.Contains(t) && vectors.ContainsKey(t)).Select(t => vectors[t]), 50);
            var norm = Math.Sqrt(embedding.Sum(x => (double)x * x));
            return norm == 0 ? 0 : embedding.Zip(topics[topic]).Sum(p => (double)p.First * p.Second) / norm;
        }

        var nonOp = sample.Kinds.Where(k => k.NonOperational).ToList();
        var mentions = sample.Kinds.Where(k => k.Mention).ToList();
        var kept = nonOp.Count(k => Score(k.Tokens, k.Topics[0]) >= 0.4) / (double)nonOp.Count;
        var mentionKept = mentions.Count(k => k.Topics.Distinct().Any(t => Score(k.Tokens, t) >= 0.4)) / (double)mentions.Count;
        output.WriteLine($"non-operational posts scoring >= 0.4 on their topic: {kept:P1}; operational posts mentioning a topic: {mentionKept:P1}");
        Assert.True(kept >= 0.85, $"{kept:P1}");
        Assert.True(mentionKept <= 0.30, $"{mentionKept:P1}");

        // The product's classifier agrees.
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text.ToString()));
        var classifier = new PostClassifier(SocialSynthSample.Lexicon, WordVectors.Load(stream, "synthetic.vec"));
        var scratch = new ClassifierScratch();
        var classified = sample.Posts.Take(50_000).Count(p => classifier.Classify(p.Text, scratch).NonOperational);
        var expected = sample.Kinds.Take(50_000).Count(k => k.NonOperational);
        Assert.InRange(classified, 0.85 * expected, expected);
    }

    // ------------------------------------------------------------ edges and the command

    [Theory]
    [InlineData(1, 1)]
    [InlineData(10, 10)]
    [InlineData(50, 20)]
    [InlineData(2_000, 43)]
    public void Small_exports_give_every_account_a_post_and_each_force_in_use_one_main_account(int posts, int accounts)
    {
        var a = new StringWriter();
        var p = new StringWriter();
        var summary = SocialSynth.Write(new SynthOptions(posts, accounts, 11), a, p);
        Assert.Equal(accounts, summary.Accounts);
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(a.ToString()));
        var rows = reader.Enumerate(r => (Id: r["account_id"].ToString(), Force: r["force"].ToString(), Type: r["account_type"].ToString())).ToList();
        Assert.Equal(accounts, rows.Count);
        var mainsPerForce = rows.Where(r => r.Type == "main").GroupBy(r => r.Force).ToList();
        Assert.All(mainsPerForce, g => Assert.Single(g));
        Assert.Equal(rows.Select(r => r.Force).Distinct().Count(), mainsPerForce.Count);
        Assert.Equal(accounts >= 43 ? 43 : Math.Max(1, (accounts + 13) / 14), mainsPerForce.Count);

        using var postsReader = Sep.Reader(o => o with { Unescape = true }).From(new StringReader(p.ToString()));
        var used = postsReader.Enumerate(r => r["account_id"].ToString()).ToList();
        Assert.Equal(posts, used.Count);
        Assert.Equal(accounts, used.Distinct().Count());
    }

    [Fact]
    public void Impossible_options_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SocialSynth.Write(new SynthOptions(0, 1, 1), TextWriter.Null, TextWriter.Null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SocialSynth.Write(new SynthOptions(10, 0, 1), TextWriter.Null, TextWriter.Null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SocialSynth.Write(new SynthOptions(10, 11, 1), TextWriter.Null, TextWriter.Null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SocialSynth.WriteVectors(TextWriter.Null, 10, 1, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => SocialSynth.WriteVectors(TextWriter.Null, 10, 1001, 1));
    }

    [Fact]
    public async Task Synth_command_writes_the_files_and_explains_bad_options()
    {
        var folder = Directory.CreateTempSubdirectory("evenhand-synth-cli-").FullName;
        try
        {
            var ok = await RunSynth("--out", Path.Combine(folder, "out"), "--posts", "3000", "--accounts", "50", "--seed", "4", "--vectors-words", "2500",
                "--vectors-dims", "20", "--impressions");
            Assert.True(ok.ExitCode == 0, ok.ToString());
            Assert.Contains("3,000", ok.Out, StringComparison.Ordinal);
            Assert.Contains("posts.csv", ok.Out, StringComparison.Ordinal);
            Assert.Contains("vectors.vec", ok.Out, StringComparison.Ordinal);
            Assert.StartsWith(PostsHeader + ",impressions\n", File.ReadAllText(Path.Combine(folder, "out", "posts.csv")), StringComparison.Ordinal);
            Assert.StartsWith("2500 20\n", File.ReadAllText(Path.Combine(folder, "out", "vectors.vec")), StringComparison.Ordinal);

            var tooMany = await RunSynth("--out", folder, "--posts", "5", "--accounts", "10");
            Assert.Equal(2, tooMany.ExitCode);
            Assert.Contains("--accounts", tooMany.Error, StringComparison.Ordinal);

            var dims = await RunSynth("--out", folder, "--posts", "5", "--accounts", "1", "--vectors-words", "5", "--vectors-dims", "1");
            Assert.Equal(2, dims.ExitCode);
            Assert.Contains("--vectors-dims", dims.Error, StringComparison.Ordinal);

            var none = await RunSynth("--out", folder, "--posts", "0");
            Assert.Equal(2, none.ExitCode);
            Assert.Contains("--posts", none.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // The command is built on its own (whether or not 'evenhand social' mounts it yet) and run as the CLI runs commands.
    private static async Task<(int ExitCode, string Out, string Error)> RunSynth(params string[] args)
    {
        var type = typeof(EvenhandCli).Assembly.GetType("Evenhand.Cli.SocialMedia.SynthCommand", throwOnError: true)!;
        var command = (Command)type.GetMethod("Build")!.Invoke(null, null)!;
        var root = new RootCommand("test") { command };
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false, Output = stdout, Error = stderr };
        var exit = await root.Parse(["synth", .. args]).InvokeAsync(config);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : sorted[sorted.Length / 2];
    }

    private static float[] Sum(IEnumerable<float[]> vectors, int dimensions)
    {
        var sum = new float[dimensions];
        foreach (var v in vectors)
        {
            for (var d = 0; d < dimensions; d++)
            {
                sum[d] += v[d];
            }
        }

        return sum;
    }

    private static float[] Unit(float[] v)
    {
        var norm = (float)Math.Sqrt(v.Sum(x => (double)x * x));
        return norm == 0 ? v : [.. v.Select(x => x / norm)];
    }
}
