using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Evenhand.Bench.Load;
using Evenhand.Data;
using Evenhand.SocialMedia.Datasets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Evenhand.Bench;

/// <summary>
/// Every list page at full scale (issue 12, point 6): the real app in memory (Production settings, HTTPS, the demo data),
/// on a database holding <see cref="PageVolumes"/>, each page fetched over HTTP by a user of the role that uses it, signed
/// in through the form. Each page: two warm-up requests, then the median of 10 (whole body read). CSV exports also report
/// the time to the first byte and how much the server's memory grew while streaming. Goal: every page under 100 ms; exits
/// 1 when one is over.
/// </summary>
public static partial class PagesBenchmark
{
    public const string Command = "pages";
    private const double GoalMs = 100;

    public static async Task<int> RunAsync(List<string> args)
    {
        var provider = args.IndexOf("--provider") is >= 0 and var p ? args[p + 1].ToLowerInvariant() : "sqlite";
        var runs = args.IndexOf("--runs") is >= 0 and var r ? int.Parse(args[r + 1], CultureInfo.InvariantCulture) : 10;
        var only = args.IndexOf("--only") is >= 0 and var o ? args[o + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : null;
        var (databaseProvider, connection) = provider switch
        {
            "sqlite" => (DatabaseProvider.Sqlite, $"Data Source={(args.IndexOf("--sqlite") is >= 0 and var f ? Path.GetFullPath(args[f + 1]) : Path.Combine(Path.GetTempPath(), "evenhand-bench-pages.db"))}"),
            "postgres" => (DatabaseProvider.Postgres, PostgresDatabase()),
            _ => throw new ArgumentException("--provider sqlite|postgres"),
        };

        Console.WriteLine($"Database: {databaseProvider} {Redact(connection)}");
        var started = Stopwatch.StartNew();
        await using var app = new App(databaseProvider, connection);
        _ = app.Server;
        Console.WriteLine($"App started (migrations, demo data) in {started.Elapsed.TotalSeconds:F0} s; adding volumes where missing…");
        await PageVolumes.EnsureAsync(app.Services, Console.WriteLine);
        if (args.Contains("--prepare"))
        {
            // Builds the volumes only (slow, and nothing to time): run it outside the timing lock, then time the pages.
            Console.WriteLine("Volumes ready.");
            return 0;
        }

        var facts = await FactsAsync(app.Services);
        Console.WriteLine($"{facts.Posts:N0} posts in dataset {facts.DatasetId}; {facts.Incidents:N0} incidents in {PageVolumes.ForceSlug}, {facts.AwaitingReview:N0} awaiting review; {facts.Audit:N0} audit entries.");

        var clients = new Dictionary<string, HttpClient>();
        foreach (var (role, email) in PageVolumes.Users)
        {
            clients[role] = await SignInAsync(app, email);
        }

        var failed = false;
        Console.WriteLine();
        Console.WriteLine($"| {"page",-46} | {"median ms",9} | {"max ms",7} | {"bytes",11} | notes");
        Console.WriteLine($"| {new string('-', 46)} | {new string('-', 9)} | {new string('-', 7)} | {new string('-', 11)} | -----");
        foreach (var page in Pages(facts))
        {
            if (only is not null && !only.Any(w => page.Name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var client = clients[page.Role];
            if (page.Csv)
            {
                var (ttfb, total, bytes, grewMiB) = await CsvAsync(client, page.Url, Math.Min(runs, 3));
                Console.WriteLine($"| {page.Name,-46} | {total,9:F0} | {"",7} | {bytes,11:N0} | first byte {ttfb:F0} ms; memory grew {grewMiB:F0} MiB while streaming");
                failed |= ttfb >= GoalMs;
                continue;
            }

            var (median, max, size, status) = await TimeAsync(client, page.Url, runs);
            var over = median >= GoalMs || status != HttpStatusCode.OK;
            failed |= over;
            Console.WriteLine($"| {page.Name,-46} | {median,9:F1} | {max,7:F0} | {size,11:N0} | {(status == HttpStatusCode.OK ? "" : $"HTTP {(int)status} ")}{(over ? "over 100 ms" : "")}");
        }

        Console.WriteLine();
        Console.WriteLine(failed ? "Over the goal: some page took 100 ms or more." : "Every page under 100 ms.");
        return failed ? 1 : 0;
    }

    private sealed record Page(string Name, string Role, string Url, bool Csv = false);

    private sealed record Facts(int DatasetId, long Posts, string Handle, string Keyword, string Topic, int Incidents, int AwaitingReview, string Reference, int Audit,
        string MiddlePost, int LatestInspection, int OldInspection, int Recommendation, int Users, string UserId);

    private static IEnumerable<Page> Pages(Facts f)
    {
        const string comms = Accounts.Roles.Inspectorate, pcc = Accounts.Roles.PccOffice, specialist = Accounts.Roles.HateCrimeSpecialist, governance = Accounts.Roles.ForceGovernance;
        var force = $"/forces/{PageVolumes.ForceSlug}";
        var posts = $"/social-media/{f.DatasetId}/posts";
        var postPages = (int)((f.Posts + 24) / 25);
        // Pages are read by key: the middle page is the one after the middle post (as "next" links reach it), the last is read backwards.
        yield return new("posts: first page", comms, posts);
        yield return new("posts: middle page", comms, $"{posts}?after={f.MiddlePost}&page={(postPages / 2) + 1}");
        yield return new("posts: last page", comms, $"{posts}?last=true&page={postPages}");
        yield return new("posts: non-operational", comms, $"{posts}?class=non-operational");
        yield return new("posts: non-operational, last page", comms, $"{posts}?class=non-operational&last=true");
        yield return new("posts: topic", comms, $"{posts}?topic={Uri.EscapeDataString(f.Topic)}");
        yield return new("posts: keyword", comms, $"{posts}?keyword={Uri.EscapeDataString(f.Keyword)}");
        yield return new("posts: account handle", comms, $"{posts}?handle={Uri.EscapeDataString(f.Handle)}");
        yield return new("posts: account handle, last page", comms, $"{posts}?handle={Uri.EscapeDataString(f.Handle)}&last=true");
        yield return new("posts: account handle and topic", comms, $"{posts}?handle={Uri.EscapeDataString(f.Handle)}&topic={Uri.EscapeDataString(f.Topic)}");
        yield return new("posts: topic and keyword", comms, $"{posts}?topic={Uri.EscapeDataString(f.Topic)}&keyword={Uri.EscapeDataString(f.Keyword)}");
        yield return new("posts CSV (every post)", comms, $"{posts}?handler=Csv", Csv: true);
        yield return new("hate incidents: review queue", specialist, $"{force}/hate-incidents/review-queue");
        yield return new("hate incidents: list, first page", specialist, $"{force}/hate-incidents");
        yield return new("hate incidents: list, last page", specialist, $"{force}/hate-incidents?last=true");
        yield return new("hate incidents: search by reference", specialist, $"{force}/hate-incidents?reference={Uri.EscapeDataString(f.Reference)}");
        yield return new("hate incidents: awaiting review", specialist, $"{force}/hate-incidents?status=AwaitingReview");
        yield return new("hate incidents: outcome NCHI", specialist, $"{force}/hate-incidents?outcome=nchi");
        yield return new("hate incidents: characteristic", specialist, $"{force}/hate-incidents?characteristic=disability");
        yield return new("hate incidents: area", specialist, $"{force}/hate-incidents?area=ward");
        yield return new("hate incidents: review overdue", specialist, $"{force}/hate-incidents?overdue=true");
        yield return new("hate incidents: review queue, subjects to tell", specialist, $"{force}/hate-incidents/review-queue?kind=tell-subject");
        yield return new("hate incidents: review queue, replies to answer", specialist, $"{force}/hate-incidents/review-queue?kind=reply-to-subject");
        yield return new("hate incidents: review queue, retention reviews", specialist, $"{force}/hate-incidents/review-queue?kind=retention-review&last=true");
        yield return new("hate incidents: review queue, systems to purge", specialist, $"{force}/hate-incidents/review-queue?kind=purge");
        yield return new("hate incidents: analysis (outcomes, months)", specialist, $"{force}/hate-incidents/analysis");
        foreach (var part in new[] { "characteristics", "areas", "repeats", "review-timeliness", "deployment" })
        {
            yield return new($"hate incidents: analysis, {part}", specialist, $"{force}/hate-incidents/analysis?show={part}");
        }

        yield return new("hate incidents CSV (every incident)", specialist, $"{force}/hate-incidents?handler=Csv", Csv: true);
        yield return new("audit log", Accounts.Roles.Administrator, "/admin/audit");
        yield return new("audit log: one force", Accounts.Roles.Administrator, "/admin/audit?force=cheshire");
        yield return new("audit log: last page", Accounts.Roles.Administrator, "/admin/audit?last=true");
        yield return new("audit log: one record type, one force", Accounts.Roles.Administrator, "/admin/audit?force=cheshire&type=HateIncident");
        yield return new("register: policies", governance, $"{force}/governance/policies");
        yield return new("register: policies, flagged", governance, $"{force}/governance/policies?Flagged=true");
        yield return new("register: policies, last page", governance, $"{force}/governance/policies?page=120");
        yield return new("register: political contacts", governance, $"{force}/governance/political-contacts");
        yield return new("register: political contacts, last page", governance, $"{force}/governance/political-contacts?page=400");
        yield return new("register: events", governance, $"{force}/governance/events");
        yield return new("register: events, review overdue", governance, $"{force}/governance/events?ReviewOverdue=true");
        yield return new("register: visible representations", governance, $"{force}/governance/visible-representations");
        yield return new("register: horizon scan", governance, $"{force}/governance/horizon-scan");
        yield return new("register: advisory groups", governance, $"{force}/governance/advisory-groups");
        yield return new("register: staff networks", governance, $"{force}/governance/staff-networks");
        yield return new("register: policies, search", governance, $"{force}/governance/policies?q=custody");
        yield return new("register: political contacts, one kind", governance, $"{force}/governance/political-contacts?Kind=AttemptToDirectInAdvance");
        yield return new("register: visible representations, review due", governance, $"{force}/governance/visible-representations?ReviewDue=true");
        yield return new("register: horizon scan, open", governance, $"{force}/governance/horizon-scan?Status=Open");
        yield return new("register: advisory groups, flagged", governance, $"{force}/governance/advisory-groups?Flagged=true");
        yield return new("register: staff networks, flagged", governance, $"{force}/governance/staff-networks?Flagged=true");
        yield return new("representations: may I wear", governance, $"{force}/governance/visible-representations/may-i-wear");
        yield return new("representations: the force's policy", governance, $"{force}/governance/visible-representations/policy");
        yield return new("registers overview", governance, $"{force}/governance");
        yield return new("register CSV: policies", governance, $"{force}/governance/policies?handler=Csv", Csv: true);
        yield return new("register CSV: political contacts", governance, $"{force}/governance/political-contacts?handler=Csv", Csv: true);
        yield return new("register CSV: events", governance, $"{force}/governance/events?handler=Csv", Csv: true);
        yield return new("national view", Accounts.Roles.Inspectorate, "/national");
        yield return new("national view: an old inspection", Accounts.Roles.Inspectorate, $"/national?inspection={f.OldInspection}");
        yield return new("national view: overdue", Accounts.Roles.Inspectorate, $"/national?inspection={f.OldInspection}&overdue=true");
        yield return new("national view: a force's own row", governance, "/national");
        yield return new("national s.55 view", Accounts.Roles.Inspectorate, "/national/section55");
        yield return new("national s.55 view: late", Accounts.Roles.Inspectorate, $"/national/section55?inspection={f.OldInspection}&status=Late");
        yield return new("national recommendation (43 forces' plans)", Accounts.Roles.Inspectorate, $"/national/recommendations/{f.Recommendation}");
        yield return new("inspections", Accounts.Roles.Inspectorate, "/inspections");
        yield return new("inspection", Accounts.Roles.Inspectorate, $"/inspections/{f.LatestInspection}");
        yield return new("force recommendations", governance, $"{force}/recommendations");
        yield return new("force recommendation", governance, $"{force}/recommendations/{f.Recommendation}");
        yield return new("force s.55 responses", pcc, $"{force}/responses");
        yield return new("force s.55 response", pcc, $"{force}/responses/{f.OldInspection}");
        yield return new($"admin: users ({f.Users:N0})", Accounts.Roles.Administrator, "/admin/users");
        yield return new("admin: users, last page", Accounts.Roles.Administrator, "/admin/users?last=true");
        yield return new("admin: users, one force", Accounts.Roles.Administrator, $"/admin/users?force={PageVolumes.ForceSlug}");
        yield return new("admin: user", Accounts.Roles.Administrator, $"/admin/users/{f.UserId}");
        yield return new("admin: jobs", Accounts.Roles.Administrator, "/admin/jobs");
        yield return new("social media datasets", Accounts.Roles.Inspectorate, "/social-media");
        yield return new("social media dashboard", Accounts.Roles.Inspectorate, $"/social-media/{f.DatasetId}");
        yield return new("case-file reviews", specialist, $"{force}/hate-incidents/case-file-reviews");
    }

    private static async Task<Facts> FactsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
        var dataset = await db.SocialDatasets.AsNoTracking().SingleAsync(d => d.Name == PageVolumes.DatasetName && d.Status == DatasetStatus.Ready);
        // A mid-sized account (a handle typed in full), a keyword of the lexicon and a topic.
        var accounts = await db.SocialAccounts.AsNoTracking().Where(a => a.DatasetId == dataset.Id).OrderBy(a => a.Posts).Select(a => new { a.Handle, a.Posts }).ToListAsync();
        var handle = accounts[accounts.Count / 2].Handle;
        var lexicon = dataset.Lexicon();
        var forceId = await db.Forces.Where(x => x.Slug == PageVolumes.ForceSlug).Select(x => x.Id).SingleAsync();
        var incidents = await db.HateIncidents.CountAsync(i => i.ForceId == forceId);
        var awaiting = await db.HateIncidents.CountAsync(i => i.ForceId == forceId && i.Status == HateIncidents.IncidentStatus.AwaitingReview);
        var reference = await db.HateIncidents.Where(i => i.ForceId == forceId).OrderBy(i => i.Id).Skip(incidents / 3).Select(i => i.Reference).FirstAsync();
        var middle = await db.SocialPosts.AsNoTracking().Where(p => p.DatasetId == dataset.Id).OrderByDescending(p => p.Engagement).ThenBy(p => p.Seq)
            .Skip((int)(dataset.PostCount / 2)).Select(p => new { p.Engagement, p.Seq }).FirstAsync();
        var inspections = await db.Inspections.AsNoTracking().Where(i => i.Title.StartsWith(PageVolumes.InspectionTitle))
            .OrderByDescending(i => i.PublishedOn).Select(i => i.Id).ToListAsync();
        var recommendation = await db.Recommendations.Where(r => r.InspectionId == inspections[inspections.Count / 3] && r.AppliesToForces).OrderBy(r => r.Number).Select(r => r.Id).FirstAsync();
        var user = await db.Users.Where(u => u.Email == PageVolumes.Users[1].Email).Select(u => u.Id).SingleAsync();
        return new Facts(dataset.Id, dataset.PostCount, handle, lexicon.Topics[0].Keywords[0], lexicon.Topics[1].Name, incidents, awaiting, reference,
            await db.AuditEntries.CountAsync(), new Web.SocialMedia.PostKey(middle.Engagement, middle.Seq).ToString(),
            inspections[0], inspections[inspections.Count / 3], recommendation, await db.Users.CountAsync(), user);
    }

    private static async Task<(double Median, double Max, long Bytes, HttpStatusCode Status)> TimeAsync(HttpClient client, string url, int runs)
    {
        var times = new List<double>();
        long bytes = 0;
        var status = HttpStatusCode.OK;
        for (var i = 0; i < runs + 2; i++)
        {
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            var body = await response.Content.ReadAsByteArrayAsync();
            var elapsed = sw.Elapsed.TotalMilliseconds;
            status = response.StatusCode;
            bytes = body.Length;
            if (i >= 2)
            {
                times.Add(elapsed);
            }
        }

        return (Median(times), times.Max(), bytes, status);
    }

    private static async Task<(double Ttfb, double Total, long Bytes, double GrewMiB)> CsvAsync(HttpClient client, string url, int runs)
    {
        var ttfbs = new List<double>();
        var totals = new List<double>();
        long bytes = 0;
        double grew = 0;
        var buffer = new byte[1 << 16];
        for (var i = 0; i < runs + 1; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetTotalMemory(true);
            long peak = before;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, GC.GetGCMemoryInfo().HeapSizeBytes);
                    await Task.Delay(5);
                }
            });
            var sw = Stopwatch.StartNew();
            using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
            await using var stream = await response.Content.ReadAsStreamAsync();
            var first = await stream.ReadAsync(buffer);
            var ttfb = sw.Elapsed.TotalMilliseconds;
            long total = first;
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                total += n;
            }

            var elapsed = sw.Elapsed.TotalMilliseconds;
            await sampling.CancelAsync();
            await sampler;
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{url}: HTTP {(int)response.StatusCode}");
            }

            if (i >= 1)
            {
                ttfbs.Add(ttfb);
                totals.Add(elapsed);
                bytes = total;
                grew = Math.Max(grew, (peak - before) / 1048576.0);
            }
        }

        return (Median(ttfbs), Median(totals), bytes, grew);
    }

    private static async Task<HttpClient> SignInAsync(App app, string email)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
        client.Timeout = TimeSpan.FromMinutes(10);
        var page = await client.GetStringAsync("/account/sign-in");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("Email", email), new("Password", PageVolumes.Password), new("__RequestVerificationToken", token)]);
        using var response = await client.PostAsync("/account/sign-in", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }

        return client;
    }

    private static string PostgresDatabase()
    {
        // EVENHAND_BENCH_POSTGRES names the benchmark's own database; from the tests' connection string a database of its own is made.
        var bench = Environment.GetEnvironmentVariable("EVENHAND_BENCH_POSTGRES");
        var template = bench is { Length: > 0 } ? bench
            : Environment.GetEnvironmentVariable("EVENHAND_TEST_POSTGRES") is { Length: > 0 } t ? t
            : throw new InvalidOperationException("Set EVENHAND_BENCH_POSTGRES (or EVENHAND_TEST_POSTGRES) to a connection string for a role that may create databases.");
        var name = bench is { Length: > 0 } && new NpgsqlConnectionStringBuilder(bench).Database is { Length: > 0 } own ? own : "evenhand_bench_pages";
        var admin = new NpgsqlConnectionStringBuilder(template) { Database = "postgres", Pooling = false }.ConnectionString;
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", conn);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
                create.ExecuteNonQuery();
            }
        }

        return new NpgsqlConnectionStringBuilder(template) { Database = name, CommandTimeout = 1800 }.ConnectionString;
    }

    private static string Redact(string connection) => Regex.Replace(connection, "Password=[^;]*", "Password=…", RegexOptions.IgnoreCase);

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    private sealed class App(DatabaseProvider provider, string connection) : WebApplicationFactory<Web.Infrastructure.AccountSignIn>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseBenchmarkApp(provider, connection, PageVolumes.Password);
            // A slow page (the old CSV took minutes) must not let the other users' sessions lapse.
            builder.UseSetting("Sessions:IdleTimeoutMinutes", "1440");
        }
    }
}
