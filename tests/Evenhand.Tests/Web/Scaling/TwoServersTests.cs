using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.MyWork;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Tests.Cli;
using Evenhand.Tests.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Web.Scaling;

/// <summary>
/// Two real server processes over one database, each with its own home and temp folder: what a load balancer in front of
/// several servers relies on. On PostgreSQL the servers share Quartz's clustered job store; on one SQLite file they use the
/// in-memory store, as README says several processes over SQLite must.
/// </summary>
[Trait("Category", "Processes")]
public sealed class TwoServersTests
{
    private const string Password = "Two-Servers-Pass-1";
    private static readonly DateTimeOffset LongAgo = new(2025, 3, 10, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static Dictionary<string, string> Settings(string provider) => new()
    {
        ["BackgroundWork:Store"] = provider == TestDatabases.Postgres ? "Database" : "Memory",
        ["BackgroundWork:ClusterCheckinSeconds"] = "2",
        ["BackgroundWork:ClusterCheckinMisfireSeconds"] = "3",
        // Digests may be written at any hour, so the test does not depend on the time of day it runs.
        ["Reminders:DigestHour"] = "0",
    };

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task SignInOnOne_WorkOnTheOther_FormTokensCross_AndDueWorkRunOnBothNotesEachItemOnce(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await AddUserAsync(database, "admin@two.test", Roles.Administrator, null);
        await AddUserAsync(database, "specialist@two.test", Roles.HateCrimeSpecialist, "cheshire");
        await using var a = await AppProcess.StartAsync("a", database, Settings(provider));
        await using var b = await AppProcess.StartAsync("b", database, Settings(provider));
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var onA = new PageClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = a.BaseAddress });
        using var onB = new PageClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = b.BaseAddress });

        // Signed in on A, the same cookie is a signed-in user on B.
        await onA.SignInAsync("admin@two.test", Password);
        var jobsOnB = await onB.GetPageAsync("/admin/jobs");
        Assert.Contains("Background jobs", jobsOnB.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);

        // Work falls due after both servers started (and ran their start-up check); then both are told to run it at once,
        // each with a form (antiforgery token) that the other server served.
        var references = await SeedOverdueReviewsAsync(database, 30);
        var jobsOnA = await onA.GetPageAsync("/admin/jobs");
        var runs = await Task.WhenAll(
            onB.SubmitAsync(jobsOnA, "handler=RunNow", new() { ["Job"] = "due-work" }),
            onA.SubmitAsync(jobsOnB, "handler=RunNow", new() { ["Job"] = "due-work" }));
        Assert.All(runs, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));

        await WaitForAsync(database, async db => await db.BackgroundJobRuns.CountAsync(r => r.Job == "due-work" && r.Subject != null && r.Subject.StartsWith("run by") && r.FinishedAt != null) == 2,
            TimeSpan.FromSeconds(60), () => a.Output + b.Output);
        await using (var db = database.CreateContext())
        {
            var notes = await db.Set<IncidentHistoryEntry>().Where(h => h.Event == "Specialist review overdue")
                .GroupBy(h => h.HateIncidentId).Select(g => g.Count()).ToListAsync();
            Assert.Equal(references.Count, notes.Count);
            Assert.All(notes, n => Assert.Equal(1, n));
            Assert.Equal(references.Count, await db.AuditEntries.CountAsync(e => e.Action == "FellDue"));
            Assert.Equal(2, await db.BackgroundJobRuns.Where(r => r.Subject != null && r.Subject.StartsWith("run by")).Select(r => r.Outcome).CountAsync(o => o == JobRunOutcome.Succeeded));
            // The key ring is in the database, one key for both servers, and neither wrote one to its home folder.
            Assert.Equal(1, await db.Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().CountAsync());
        }

        Assert.False(Directory.Exists(Path.Combine(a.Home, ".aspnet", "DataProtection-Keys")));
        Assert.False(Directory.Exists(Path.Combine(b.Home, ".aspnet", "DataProtection-Keys")));

        // The reminder job, run on both servers at once, writes the day's digest once per user: the specialist's lists the
        // overdue reviews by reference, with no personal data.
        var reminders = await Task.WhenAll(
            onB.SubmitAsync(await onA.GetPageAsync("/admin/jobs"), "handler=RunNow", new() { ["Job"] = "reminders" }),
            onA.SubmitAsync(await onB.GetPageAsync("/admin/jobs"), "handler=RunNow", new() { ["Job"] = "reminders" }));
        Assert.All(reminders, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        await WaitForAsync(database, async db => await db.BackgroundJobRuns.CountAsync(r => r.Job == "reminders" && r.Subject != null && r.Subject.StartsWith("run by") && r.FinishedAt != null) == 2,
            TimeSpan.FromSeconds(60), () => a.Output + b.Output);
        await using (var db = database.CreateContext())
        {
            var digests = await db.Set<OutboxEmail>().Where(e => e.Kind == OutboxEmail.DigestKind).ToListAsync();
            Assert.Equal(digests.Count, digests.Select(d => (d.UserId, d.Day)).Distinct().Count());
            var specialist = await db.Users.SingleAsync(u => u.Email == "specialist@two.test");
            var digest = Assert.Single(digests, d => d.UserId == specialist.Id);
            Assert.All(references, r => Assert.Contains(r, digest.Body, StringComparison.Ordinal));
            Assert.Equal(2, await db.BackgroundJobRuns.CountAsync(r => r.Job == "reminders" && r.Subject != null && r.Subject.StartsWith("run by") && r.Outcome == JobRunOutcome.Succeeded));
        }
    }

    [SkippableFact]
    public async Task Import_ProgressShowsOnTheOtherServer_AndAServerKilledMidImportLeavesNoPartialImport()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        await AddUserAsync(database, "comms@two.test", Roles.Communications, "cheshire");
        await using var a = await AppProcess.StartAsync("a", database, Settings(TestDatabases.Postgres));
        // B runs no jobs until A has the import, so the import is certainly A's.
        var bSettings = Settings(TestDatabases.Postgres);
        bSettings["BackgroundWork:Enabled"] = "false";
        await using var b = await AppProcess.StartAsync("b", database, bSettings);
        var cookies = new CookieContainer();
        using var handler = new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false };
        using var onA = new PageClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = a.BaseAddress, Timeout = TimeSpan.FromMinutes(5) });
        using var onB = new PageClient(new HttpClient(handler, disposeHandler: false) { BaseAddress = b.BaseAddress });
        await onA.SignInAsync("comms@two.test", Password);

        // Uploaded through B (which queues it in the shared store), run by A.
        const int posts = 250_000;
        var upload = await UploadAsync(onB, posts);
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var datasetUrl = upload.Headers.Location!.OriginalString;
        int id;
        await using (var db = database.CreateContext())
        {
            id = await db.SocialDatasets.Select(d => d.Id).SingleAsync();
        }

        // B's dataset page shows how far A has got.
        string? shown = null;
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (shown is null && DateTime.UtcNow < deadline)
        {
            var page = await onB.GetPageAsync(datasetUrl);
            var text = page.QuerySelector("main")?.TextContent ?? "";
            var match = System.Text.RegularExpressions.Regex.Match(text, @"(\d+)\s*%");
            if (match.Success && int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is > 0 and < 90)
            {
                shown = match.Value;
            }
            else
            {
                await Task.Delay(100);
            }
        }

        Assert.True(shown is not null, "B never showed A's progress. A:\n" + a.Output);
        await using (var db = database.CreateContext())
        {
            var running = await db.BackgroundJobRuns.SingleAsync(r => r.Job == "social-import");
            Assert.Equal(JobRunOutcome.Running, running.Outcome);
            Assert.Equal(DatasetStatus.Importing, (await db.SocialDatasets.SingleAsync(d => d.Id == id)).Status);
        }

        // A dies mid-import. Its transaction was never committed: nothing of the dataset is stored.
        a.Kill();
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.SocialPosts.CountAsync(p => p.DatasetId == id));
        }

        // B, now running jobs, takes over when A misses its check-ins: the engine recovers the job and imports it whole.
        await using var b2 = await AppProcess.StartAsync("b2", database, Settings(TestDatabases.Postgres));
        // The job engine records the run's outcome just after the job ends, so wait for that too, not only for the dataset.
        await WaitForAsync(database, async db => (await db.SocialDatasets.SingleAsync(d => d.Id == id)).Status is DatasetStatus.Ready or DatasetStatus.Failed
                && !await db.BackgroundJobRuns.AnyAsync(r => r.Job == "social-import" && r.Outcome == JobRunOutcome.Running),
            TimeSpan.FromSeconds(180), () => b2.Output);
        await using (var db = database.CreateContext())
        {
            var dataset = await db.SocialDatasets.SingleAsync(d => d.Id == id);
            Assert.True(dataset.Status == DatasetStatus.Ready, dataset.Failure);
            Assert.Equal(posts, dataset.PostCount);
            Assert.Equal(posts, await db.SocialPosts.CountAsync(p => p.DatasetId == id));
            Assert.Equal(posts, await db.SocialPosts.Where(p => p.DatasetId == id).Select(p => p.PostId).Distinct().CountAsync());
            var importRuns = await db.BackgroundJobRuns.Where(r => r.Job == "social-import").OrderBy(r => r.Id).ToListAsync();
            Assert.Equal([JobRunOutcome.Interrupted, JobRunOutcome.Succeeded], importRuns.Select(r => r.Outcome));
            Assert.True(importRuns[1].Recovering);
            Assert.NotEqual(importRuns[0].Server, importRuns[1].Server);
            // The staged uploads are gone once the import is done.
            Assert.Equal(0, await db.StagedUploads.CountAsync());
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(PageClient client, int posts)
    {
        var page = await client.GetPageAsync("/forces/cheshire/social-media/import");
        var token = page.QuerySelector("form[enctype='multipart/form-data'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        var accounts = string.Join('\n',
            "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type",
            "a1,@CheshirePolice,Cheshire Police,Official account,1000,5000,2010-01-01T00:00:00Z,Cheshire,true,https://example.test/a1,cheshire,main",
            "a3,@RoadsTeam,Roads team,Roads policing,0,20,2018-02-02T12:30:00Z,,false,,,team") + "\n";
        var csv = new StringBuilder("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author\n", posts * 120);
        for (var i = 0; i < posts; i++)
        {
            csv.Append('p').Append(i).Append(i % 3 == 0 ? ",a3," : ",a1,").Append("2021-01-05T08:00:00Z,Appeal for witnesses after a collision on the A56 near the junction; please call 101 quoting incident ")
                .Append(i).Append(',').Append(i % 17).Append(",1,0,").Append(i % 5).Append(",false,\n");
        }

        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Big export"), "Name" },
        };
        var accountsContent = new ByteArrayContent(Encoding.UTF8.GetBytes(accounts));
        accountsContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(accountsContent, "AccountsFile", "accounts.csv");
        var postsContent = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        postsContent.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(postsContent, "PostsFile", "posts.csv");
        return await client.Http.PostAsync("/forces/cheshire/social-media/import", form);
    }

    private static async Task AddUserAsync(TestDatabase database, string email, string role, string? force)
    {
        string[] args = ["users", "add", "--email", email, "--name", "Two servers", "--role", role, "--password", Password,
            "--provider", database.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", "--connection", database.ConnectionString];
        var run = await CliHarness.RunAsync(force is null ? args : [.. args, "--force", force]);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    private static async Task<List<string>> SeedOverdueReviewsAsync(TestDatabase database, int count)
    {
        await using var db = database.CreateContext();
        var cheshire = await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
        var incidents = Enumerable.Range(1, count).Select(i => TestData.NewIncident(cheshire, $"TWO-{i}", b => b.RecordedAt(LongAgo).RecordedBy(IncidentStaffRole.CallTaker).Assessed())).ToList();
        db.HateIncidents.AddRange(incidents);
        await db.SaveChangesAsync();
        return incidents.Select(i => i.Reference).ToList();
    }

    private static async Task WaitForAsync(TestDatabase database, Func<EvenhandDbContext, Task<bool>> done, TimeSpan timeout, Func<string> diagnostics)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using (var db = database.CreateContext())
            {
                if (await done(db))
                {
                    return;
                }
            }

            await Task.Delay(250);
        }

        Assert.Fail("Timed out waiting. Server output:\n" + diagnostics());
    }
}
