using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Evenhand.Bench;

/// <summary>
/// Issue 12, point 5: <c>evenhand social import</c> beside each database's own bulk path, loading the same posts into the
/// same empty table with the same indexes. Goal: the import within 1.3 × of the database's own path (median of
/// <c>--runs</c>, default 3), with the import's peak memory flat (the same at 200,000 posts as at 857,000).
/// </summary>
/// <remarks>
/// What each side does, so the comparison is fair and the difference honest:
/// <list type="bullet">
/// <item>Both start from a copy of one freshly migrated Evenhand database (the schema the app creates: the posts table, its
/// primary key, its three indexes and two foreign keys, and the keywords table), and both end with the same rows committed
/// in one transaction, with the same durability (SQLite: WAL, <c>synchronous = FULL</c>; PostgreSQL: the server's own
/// settings, <c>synchronous_commit</c> on).</item>
/// <item>Evenhand (timed as a user meets it: a fresh process, start-up included) checks the database is up to date, creates
/// the dataset, reads and checks the accounts and inserts them, reads and validates every post, checks post ids for
/// repeats, classifies and counts every post for the analysis, inserts the posts and their topic keywords, updates each
/// account's post count and stores the analysis.</item>
/// <item>The database's own path is given a CSV shaped exactly as the table: every column of every stored row, including
/// the columns Evenhand derives and the export does not hold (the dataset and account row ids, the sequence number, the
/// engagement total, the classification bits and the instant in its stored form). That file is exported, untimed, from a
/// database Evenhand imported beforehand, and the dataset and account rows the posts refer to are copied in untimed. So
/// the database's path only loads rows: it does no validation, no analysis and no classification. This favours the
/// database; it is the strict yardstick.</item>
/// <item>SQLite: <c>sqlite3</c> (the shell) runs <c>.import --csv</c> of the posts and keywords in one transaction, with the
/// per-connection settings Evenhand's connections have (foreign keys checked, <c>secure_delete</c>, WAL in the file) and
/// otherwise SQLite's defaults, as a user would run it. The shell cannot write NULL, so empty optional fields (impressions,
/// original author) become empty strings there, which take the same space. A second line times the shell with the same
/// 64 MiB page cache the import uses, for information.</item>
/// <item>PostgreSQL: <c>psql -1</c> runs <c>\copy … FROM … (FORMAT csv)</c> of the posts and keywords in one transaction;
/// the server checks the foreign keys and maintains the indexes for both sides alike.</item>
/// </list>
/// The runs alternate which side goes first, so the page cache and the server's background work fall on both alike.
/// </remarks>
internal static class SocialImportBenchmark
{
    public const string Command = "social-import";
    private const double Goal = 1.3;

    public static async Task<int> RunAsync(List<string> args)
    {
        var posts = Option(args, "--posts", 857_000);
        var small = Option(args, "--small", 200_000);
        var accounts = Option(args, "--accounts", 600);
        var runs = Option(args, "--runs", 3);
        var provider = args.IndexOf("--provider") is >= 0 and var p && p + 1 < args.Count ? args[p + 1].ToLowerInvariant() : "both";
        var postgres = Environment.GetEnvironmentVariable("EVENHAND_BENCH_POSTGRES") is { Length: > 0 } pg ? pg : null;

        var big = SocialBenchmark.EnsureFiles(posts, accounts, vectors: false);
        var smallFiles = SocialBenchmark.EnsureFiles(small, accounts, vectors: false);
        Console.WriteLine($"Load average at start: {LoadAverage()}");
        var results = new List<Result>();
        if (provider is "both" or "sqlite")
        {
            results.Add(await SqliteAsync(big, smallFiles, runs));
        }

        if (provider is "both" or "postgres")
        {
            if (postgres is null)
            {
                Console.WriteLine("PostgreSQL skipped: set EVENHAND_BENCH_POSTGRES to a connection string whose role may create databases.");
            }
            else
            {
                results.Add(await PostgresAsync(postgres, big, smallFiles, runs));
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at end: {LoadAverage()}");
        Console.WriteLine($"| {"database",-10} | {"evenhand social import",22} | {"own bulk path",-36} | {"ratio",5} | {$"peak MiB {small / 1000}k",13} | {$"peak MiB {posts / 1000}k",13} |");
        Console.WriteLine($"| {new string('-', 10)} | {new string('-', 22)} | {new string('-', 36)} | {new string('-', 5)} | {new string('-', 13)} | {new string('-', 13)} |");
        var failed = false;
        foreach (var r in results)
        {
            foreach (var (name, seconds) in r.Own)
            {
                var ratio = r.Import / seconds;
                var gated = name == r.Own[0].Name;
                failed |= gated && ratio > Goal;
                Console.WriteLine($"| {r.Database,-10} | {r.Import,20:F2} s | {$"{name} {seconds:F2} s",-36} | {ratio,5:F2} | {r.SmallPeakMiB,13:F0} | {r.PeakMiB,13:F0} |{(gated ? "" : " (information)")}");
            }
        }

        Console.WriteLine(failed ? $"Over the goal: the import took more than {Goal} × the database's own bulk path." : $"Goal met: the import is within {Goal} × each database's own bulk path.");
        return failed ? 1 : 0;
    }

    private sealed record Result(string Database, double Import, List<(string Name, double Seconds)> Own, double PeakMiB, double SmallPeakMiB);

    // ---------------------------------------------------------------- SQLite

    private static async Task<Result> SqliteAsync(SocialBenchmark.Files big, SocialBenchmark.Files small, int runs)
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"evenhand-bench-import-{Guid.NewGuid():N}")).FullName;
        try
        {
            Console.WriteLine();
            Console.WriteLine($"SQLite (work folder {work})");
            var template = Path.Combine(work, "template.db");
            SocialBenchmark.RunChild("evenhand db migrate", ["db", "migrate", "--db", $"Data Source={template}"]);

            // An untimed import first: it warms the file cache, and its rows become the database's own path's input.
            var source = CopyOf(template, Path.Combine(work, "source.db"));
            SocialBenchmark.RunChild("evenhand social import (preparation)", ImportArgs(big, "--db", $"Data Source={source}"));
            var postsCsv = Path.Combine(work, "posts-table.csv");
            var keywordsCsv = Path.Combine(work, "keywords-table.csv");
            Sqlite3(source, $".headers on\n.mode csv\n.output '{postsCsv}'\nSELECT * FROM \"SocialPosts\" ORDER BY \"Seq\";\n.output '{keywordsCsv}'\nSELECT * FROM \"SocialPostKeywords\";\n");
            var expected = Sqlite3(source, "SELECT count(*) FROM \"SocialPosts\";").Trim();

            string Script(int cacheKib) =>
                "PRAGMA foreign_keys = ON;\nPRAGMA secure_delete = ON;\nPRAGMA synchronous = FULL;\n" +
                (cacheKib > 0 ? $"PRAGMA cache_size = -{cacheKib};\n" : "") +
                $"BEGIN;\n.import --csv --skip 1 '{postsCsv}' SocialPosts\n.import --csv --skip 1 '{keywordsCsv}' SocialPostKeywords\nCOMMIT;\n";

            var import = new List<double>();
            var own = new List<double>();
            var ownCached = new List<double>();
            double peak = 0;
            for (var run = 0; run < runs; run++)
            {
                void Evenhand()
                {
                    var db = CopyOf(template, Path.Combine(work, $"evenhand-{run}.db"));
                    var (seconds, peakKib) = SocialBenchmark.RunChild("evenhand social import", ImportArgs(big, "--db", $"Data Source={db}"));
                    import.Add(seconds);
                    peak = Math.Max(peak, peakKib / 1024.0);
                    Delete(db);
                }

                double Own(int cacheKib)
                {
                    var db = CopyOf(template, Path.Combine(work, $"sqlite3-{run}-{cacheKib}.db"));
                    Sqlite3(db, $"ATTACH '{source}' AS source;\nINSERT INTO \"SocialDatasets\" SELECT * FROM source.\"SocialDatasets\";\nINSERT INTO \"SocialAccounts\" SELECT * FROM source.\"SocialAccounts\";\n");
                    var sw = Stopwatch.StartNew();
                    Sqlite3(db, Script(cacheKib));
                    var seconds = sw.Elapsed.TotalSeconds;
                    var count = Sqlite3(db, "SELECT count(*) FROM \"SocialPosts\";").Trim();
                    if (count != expected)
                    {
                        throw new InvalidOperationException($"sqlite3 loaded {count} posts, not {expected}.");
                    }

                    Delete(db);
                    return seconds;
                }

                if (run % 2 == 0)
                {
                    Evenhand();
                    own.Add(Own(0));
                    ownCached.Add(Own(64 * 1024));
                }
                else
                {
                    own.Add(Own(0));
                    ownCached.Add(Own(64 * 1024));
                    Evenhand();
                }

                Console.WriteLine($"  run {run + 1}: evenhand {import[^1]:F2} s, sqlite3 .import {own[^1]:F2} s, with a 64 MiB cache {ownCached[^1]:F2} s (load {LoadAverage()})");
            }

            var smallDb = CopyOf(template, Path.Combine(work, "small.db"));
            var (smallSeconds, smallPeak) = SocialBenchmark.RunChild("evenhand social import (small)", ImportArgs(small, "--db", $"Data Source={smallDb}"));
            Console.WriteLine($"  {small.Count:N0} posts: evenhand {smallSeconds:F2} s, peak {smallPeak / 1024.0:F0} MiB");
            return new Result("SQLite", Median(import),
                [("sqlite3 .import --csv", Median(own)), ("sqlite3 .import, 64 MiB cache", Median(ownCached))], peak, smallPeak / 1024.0);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string CopyOf(string template, string path)
    {
        File.Copy(template, path, overwrite: true);
        return path;
    }

    private static void Delete(string db)
    {
        foreach (var f in new[] { db, db + "-wal", db + "-shm" })
        {
            File.Delete(f);
        }
    }

    private static string Sqlite3(string db, string script)
    {
        var start = new ProcessStartInfo("sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-bail");
        start.ArgumentList.Add(db);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || error.Length > 0)
        {
            throw new InvalidOperationException($"sqlite3 failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }

    // ---------------------------------------------------------------- PostgreSQL

    private static async Task<Result> PostgresAsync(string connection, SocialBenchmark.Files big, SocialBenchmark.Files small, int runs)
    {
        var settings = new NpgsqlConnectionStringBuilder(connection);
        var prefix = $"{settings.Database}_import";
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString;
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"evenhand-bench-import-{Guid.NewGuid():N}")).FullName;
        string Named(string name) => new NpgsqlConnectionStringBuilder(connection) { Database = name, Pooling = false }.ConnectionString;
        var template = $"{prefix}_template";
        var source = $"{prefix}_source";
        try
        {
            Console.WriteLine();
            Console.WriteLine($"PostgreSQL ({settings.Host}, databases {prefix}_*)");
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{template}\"");
            await ExecuteAsync(admin, $"CREATE DATABASE \"{template}\"");
            SocialBenchmark.RunChild("evenhand db migrate", ["db", "migrate", "--provider", "postgres", "--connection", Named(template)]);

            await CreateFromTemplateAsync(admin, source, template);
            SocialBenchmark.RunChild("evenhand social import (preparation)", ImportArgs(big, "--provider", "postgres", "--connection", Named(source)));
            var files = new Dictionary<string, string>();
            foreach (var table in new[] { "SocialDatasets", "SocialAccounts", "SocialPosts", "SocialPostKeywords" })
            {
                files[table] = Path.Combine(work, $"{table}.csv");
                var order = table == "SocialPosts" ? " ORDER BY \"Seq\"" : "";
                Psql(settings, source, false, $"\\copy (SELECT * FROM \"{table}\"{order}) TO '{files[table]}' WITH (FORMAT csv, HEADER)");
            }

            var expected = Psql(settings, source, false, "SELECT count(*) FROM \"SocialPosts\"").Trim();

            var import = new List<double>();
            var own = new List<double>();
            double peak = 0;
            for (var run = 0; run < runs; run++)
            {
                async Task EvenhandAsync()
                {
                    var name = $"{prefix}_evenhand_{run}";
                    await CreateFromTemplateAsync(admin, name, template);
                    var (seconds, peakKib) = SocialBenchmark.RunChild("evenhand social import", ImportArgs(big, "--provider", "postgres", "--connection", Named(name)));
                    import.Add(seconds);
                    peak = Math.Max(peak, peakKib / 1024.0);
                    await ExecuteAsync(admin, $"DROP DATABASE \"{name}\"");
                }

                async Task<double> OwnAsync()
                {
                    var name = $"{prefix}_psql_{run}";
                    await CreateFromTemplateAsync(admin, name, template);
                    Psql(settings, name, true,
                        $"\\copy \"SocialDatasets\" FROM '{files["SocialDatasets"]}' WITH (FORMAT csv, HEADER)",
                        $"\\copy \"SocialAccounts\" FROM '{files["SocialAccounts"]}' WITH (FORMAT csv, HEADER)");
                    var sw = Stopwatch.StartNew();
                    Psql(settings, name, true,
                        $"\\copy \"SocialPosts\" FROM '{files["SocialPosts"]}' WITH (FORMAT csv, HEADER)",
                        $"\\copy \"SocialPostKeywords\" FROM '{files["SocialPostKeywords"]}' WITH (FORMAT csv, HEADER)");
                    var seconds = sw.Elapsed.TotalSeconds;
                    var count = Psql(settings, name, false, "SELECT count(*) FROM \"SocialPosts\"").Trim();
                    if (count != expected)
                    {
                        throw new InvalidOperationException($"psql loaded {count} posts, not {expected}.");
                    }

                    await ExecuteAsync(admin, $"DROP DATABASE \"{name}\"");
                    return seconds;
                }

                if (run % 2 == 0)
                {
                    await EvenhandAsync();
                    own.Add(await OwnAsync());
                }
                else
                {
                    own.Add(await OwnAsync());
                    await EvenhandAsync();
                }

                Console.WriteLine($"  run {run + 1}: evenhand {import[^1]:F2} s, psql \\copy {own[^1]:F2} s (load {LoadAverage()})");
            }

            var smallName = $"{prefix}_small";
            await CreateFromTemplateAsync(admin, smallName, template);
            var (smallSeconds, smallPeak) = SocialBenchmark.RunChild("evenhand social import (small)", ImportArgs(small, "--provider", "postgres", "--connection", Named(smallName)));
            await ExecuteAsync(admin, $"DROP DATABASE \"{smallName}\"");
            Console.WriteLine($"  {small.Count:N0} posts: evenhand {smallSeconds:F2} s, peak {smallPeak / 1024.0:F0} MiB");
            return new Result("PostgreSQL", Median(import), [("psql -1 \\copy … (FORMAT csv)", Median(own))], peak, smallPeak / 1024.0);
        }
        finally
        {
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{source}\"");
            await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{template}\"");
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task CreateFromTemplateAsync(string admin, string name, string template)
    {
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\"");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var command = new NpgsqlCommand(sql, conn) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs psql with each command as a -c, in one transaction when <paramref name="single"/>.</summary>
    private static string Psql(NpgsqlConnectionStringBuilder settings, string database, bool single, params string[] commands)
    {
        var start = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["PGHOST"] = settings.Host;
        start.Environment["PGPORT"] = settings.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGUSER"] = settings.Username;
        start.Environment["PGPASSWORD"] = settings.Password;
        start.Environment["PGDATABASE"] = database;
        foreach (var a in (string[])["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1"])
        {
            start.ArgumentList.Add(a);
        }

        if (single)
        {
            start.ArgumentList.Add("-1");
        }

        foreach (var c in commands)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(c);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"psql failed ({process.ExitCode}): {error}");
        }

        return output.Result;
    }

    // ---------------------------------------------------------------- shared

    private static string[] ImportArgs(SocialBenchmark.Files files, params string[] database) =>
        ["social", "import", "--posts", files.Posts, "--accounts", files.Accounts, .. database];

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static int Option(List<string> args, string name, int fallback)
    {
        var at = args.IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
