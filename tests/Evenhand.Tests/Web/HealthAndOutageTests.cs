using System.Net;
using System.Text.Json;
using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Tests.Infrastructure;
using Evenhand.Web.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Evenhand.Tests.Web;

/// <summary>
/// Issue 12 points 3 and 4: <c>/health/live</c> and <c>/health/ready</c> for a load balancer, and what users get while the
/// database cannot be reached (a 503 page, problem JSON from the API) and after it comes back, with no restart.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class HealthAndOutageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Page = "/forces/cheshire/recommendations";
    private const string Api = "/api/v1/forces";

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task HealthEndpoints_AreAnonymous_Uncached_SmallJson(string provider)
    {
        var app = apps.Get(provider);
        using var anonymous = app.Client();

        var live = await anonymous.GetAsync(HealthEndpoints.LivePath);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal("Healthy", (await JsonAsync(live)).GetProperty("status").GetString());

        var ready = await anonymous.GetAsync(HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("application/json", ready.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", ready.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        var body = await JsonAsync(ready);
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.True((await ready.Content.ReadAsByteArrayAsync()).Length < 512);

        // Signed in makes no difference, and the health endpoints never send anyone to the sign-in page.
        using var signedIn = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "dorset");
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task ServiceUnavailablePage_AskedForDirectly_DoesNotExist(string provider)
    {
        using var anonymous = apps.Get(provider).Client();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(DatabaseUnavailable.PagePath)).StatusCode);
    }

    [Fact]
    public async Task Ready_WithAMigrationMissing_Answers503_SayingSo()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        using var app = new PlainApp("Sqlite", database.ConnectionString);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);

        await using (var db = database.CreateContext())
        {
            var last = db.Database.GetMigrations().Last();
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = {0}", last);
        }

        var ready = await anonymous.GetAsync(HealthEndpoints.ReadyPath);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var description = (await JsonAsync(ready)).GetProperty("checks").GetProperty("database").GetProperty("description").GetString();
        Assert.Contains("1 migration is not applied", description, StringComparison.Ordinal);
        // Alive all the same: the process needs no restart.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(HealthEndpoints.LivePath)).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopment_HealthIsAnsweredOverHttp_WhilePagesRedirectToHttps()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        using var app = new PlainApp("Sqlite", database.ConnectionString, "Production", ("https_port", "443"));
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("http://localhost" + HealthEndpoints.LivePath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("http://localhost" + HealthEndpoints.ReadyPath)).StatusCode);
        var page = await anonymous.GetAsync("http://localhost/account/sign-in");
        Assert.True(page.StatusCode is HttpStatusCode.RedirectKeepVerb or HttpStatusCode.Redirect, $"got {(int)page.StatusCode}");
        Assert.Equal("https", page.Headers.Location?.Scheme);
    }

    /// <summary>
    /// The acceptance test: the app reaches PostgreSQL through a relay that the test cuts (every connection reset, new ones
    /// refused, as when the server stops) and restores.
    /// </summary>
    [SkippableFact]
    public async Task PostgresStopsAndComesBack_ReadyAnswers503ThenOK_PagesAndApiRecover_WithoutARestart()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        var real = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        await using var proxy = new TcpProxy(real.Host!, real.Port);
        var viaProxy = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = proxy.Port, Timeout = 5 }.ConnectionString;
        using var app = new PlainApp("Postgres", viaProxy, settings: ("Database:RetryCount", "2"));

        await AssertOutageAndRecoveryAsync(app, cut: proxy.Stop, restore: proxy.Start);
    }

    /// <summary>
    /// SQLite has no server to stop, and in WAL mode readers never wait, so the probe rightly stays ready; its outage is a
    /// write lock held (by another program, a long maintenance job) for longer than the busy timeout. A save then gets the
    /// "service unavailable" page, nothing half-saved, and the same save works once the lock is released.
    /// </summary>
    [Fact]
    public async Task SqliteWriteLockHeldPastTheBusyTimeout_ASaveGetsThe503Page_ReadsGoOn_AndTheSaveWorksOnceReleased()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        using var app = new PlainApp("Sqlite", database.ConnectionString + ";Default Timeout=1");
        using var user = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cheshire");
        var form = await user.GetPageAsync("/forces/cheshire/governance/horizon-scan/new");
        var fields = new Dictionary<string, string?>
        {
            ["Issue"] = "Saved after the lock", ["FirstSeenOn.Day"] = "1", ["FirstSeenOn.Month"] = "5", ["FirstSeenOn.Year"] = "2025", ["Risk"] = "High",
            ["RiskAssessment"] = "Counter-protest expected", ["AgreedPosition"] = "", ["CommunicationLines"] = "", ["Status"] = "Open",
        };

        using (var holder = new SqliteConnection(new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ToString()))
        {
            holder.Open();
            using var tx = holder.BeginTransaction(); // BEGIN IMMEDIATE: the write lock, held until the end of this block
            Execute(holder, "UPDATE Forces SET Name = Name;", tx);

            var saved = await user.SubmitAsync(form, "/new", fields);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, saved.StatusCode);
            Assert.Equal("Sorry, the service is unavailable", (await PageClient.ParseAsync(saved)).QuerySelector("h1")?.TextContent.Trim());
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Page)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);
            tx.Rollback();
        }

        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, await db.ContentiousIssues.CountAsync());
        }

        var again = await user.SubmitAsync(form, "/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(1, await db.ContentiousIssues.CountAsync(i => i.Issue == "Saved after the lock"));
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static async Task AssertOutageAndRecoveryAsync(PlainApp app, Action cut, Action restore)
    {
        using var anonymous = app.Client();
        using var user = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "cheshire");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(HealthEndpoints.ReadyPath)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Api)).StatusCode);

        cut();
        try
        {
            var ready = await anonymous.GetAsync(HealthEndpoints.ReadyPath);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            var check = (await JsonAsync(ready)).GetProperty("checks").GetProperty("database");
            Assert.Equal("Unhealthy", check.GetProperty("status").GetString());
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(HealthEndpoints.LivePath)).StatusCode);

            // A page: GOV.UK's "service unavailable" page, 503, try again later.
            var page = await user.GetAsync(Page);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
            Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), page.Headers.RetryAfter?.Delta);
            var html = await PageClient.ParseAsync(page);
            Assert.Equal("Sorry, the service is unavailable", html.QuerySelector("h1")?.TextContent.Trim());
            Assert.Contains("Try again in a few minutes", html.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal("Sorry, the service is unavailable – Evenhand", html.Title);

            // The API: problem JSON.
            var api = await user.GetAsync(Api);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
            Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
            var problem = await JsonAsync(api);
            Assert.Equal(503, problem.GetProperty("status").GetInt32());
            Assert.Equal(DatabaseUnavailable.ApiTitle, problem.GetProperty("title").GetString());
            Assert.True(problem.TryGetProperty("traceId", out _));
        }
        finally
        {
            restore();
        }

        // Back without a restart: the probe turns healthy and the same signed-in user carries on.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpStatusCode status;
        while ((status = (await anonymous.GetAsync(HealthEndpoints.ReadyPath)).StatusCode) != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync(Api)).StatusCode);
    }

    private static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.Clone();
    }
}
