using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Evenhand.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Bench;

/// <summary>
/// Sign-in timing (issue 15, point 4; ASVS 2.2.1): the median time of a failed sign-in for an email that has an account
/// (wrong password), for one that has none, and for a locked account, through the real sign-in page (HTTP, antiforgery,
/// Identity, database). The known and unknown medians must be within 10 % of each other, or the benchmark exits 1.
/// The app runs in memory on a SQLite database of its own in the temp folder.
/// </summary>
public static partial class SignInBenchmark
{
    public const string Command = "sign-in";

    private const string Password = "Bench-Sign-In-Pass-1";

    public static async Task<int> RunAsync(List<string> args)
    {
        var runs = args.IndexOf("--runs") is >= 0 and var at ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 40;
        var databasePath = Path.Combine(Path.GetTempPath(), $"evenhand-bench-sign-in-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new App(databasePath);
            var known = $"known.{Guid.NewGuid():N}@bench.evenhand.test";
            using (var scope = app.Services.CreateScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<EvenhandUser>>();
                var created = await users.CreateAsync(new EvenhandUser { UserName = known, Email = known, DisplayName = "Bench", EmailConfirmed = true }, Password);
                if (!created.Succeeded)
                {
                    throw new InvalidOperationException(string.Join(" ", created.Errors.Select(e => e.Description)));
                }
            }

            // HTTPS, as in production: the cookies are Secure outside Development.
            using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri("https://localhost") });
            var unknown = () => $"nobody.{Guid.NewGuid():N}@bench.evenhand.test";

            // Warm up every path (JIT, connection pool, the dummy hash), then alternate so drift hits both alike.
            for (var i = 0; i < 5; i++)
            {
                await AttemptAsync(client, known, "wrong-password");
                await AttemptAsync(client, unknown(), "wrong-password");
                await ResetLockoutAsync(app, known);
            }

            var knownTimes = new List<double>();
            var unknownTimes = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                // Below the lockout threshold for every timed attempt: reset outside the timing.
                await ResetLockoutAsync(app, known);
                knownTimes.Add(await AttemptAsync(client, known, "wrong-password"));
                unknownTimes.Add(await AttemptAsync(client, unknown(), "wrong-password"));
            }

            var lockedTimes = new List<double>();
            await LockAsync(app, known);
            for (var i = 0; i < Math.Max(5, runs / 4); i++)
            {
                lockedTimes.Add(await AttemptAsync(client, known, Password));
            }

            var k = Median(knownTimes);
            var u = Median(unknownTimes);
            var l = Median(lockedTimes);
            var difference = Math.Abs(k - u) / Math.Max(k, u);
            Console.WriteLine($"{"failed sign-in",-34} {"median ms",10} {"min ms",8} {"max ms",8}");
            Console.WriteLine($"{"known email, wrong password",-34} {k,10:F1} {knownTimes.Min(),8:F1} {knownTimes.Max(),8:F1}");
            Console.WriteLine($"{"unknown email",-34} {u,10:F1} {unknownTimes.Min(),8:F1} {unknownTimes.Max(),8:F1}");
            Console.WriteLine($"{"known email, account locked",-34} {l,10:F1} {lockedTimes.Min(),8:F1} {lockedTimes.Max(),8:F1}");
            Console.WriteLine($"known vs unknown: {difference:P1} apart ({runs} runs each; goal: within 10 %)");
            return difference <= 0.10 ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    /// <summary>One failed sign-in through the form: the page (for its antiforgery token) is fetched outside the timing.</summary>
    private static async Task<double> AttemptAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/account/sign-in");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var form = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]);
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsync("/account/sign-in", form);
        var elapsed = sw.Elapsed.TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Expected the sign-in page again, got {(int)response.StatusCode}.");
        }

        return elapsed;
    }

    private static async Task ResetLockoutAsync(App app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EvenhandUser>>();
        var user = (await users.FindByNameAsync(email))!;
        await users.ResetAccessFailedCountAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
    }

    private static async Task LockAsync(App app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<EvenhandUser>>();
        await users.SetLockoutEndDateAsync((await users.FindByNameAsync(email))!, DateTimeOffset.UtcNow.AddHours(1));
    }

    private static double Median(List<double> times)
    {
        var sorted = times.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    // Any type of the web app's assembly names it (this project's own Program hides the web app's).
    private sealed class App : WebApplicationFactory<Evenhand.Web.Infrastructure.AccountSignIn>
    {
        private readonly string databasePath;

        public App(string databasePath)
        {
            this.databasePath = databasePath;
            // The web project's folder (for its static files), found from the repository root above this program.
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Evenhand.slnx")))
            {
                root = root.Parent;
            }

            ContentRoot = Path.Combine(root?.FullName ?? throw new InvalidOperationException("Evenhand.slnx not found above " + AppContext.BaseDirectory), "src", "Evenhand.Web");
            Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EVENHAND_WEB", ContentRoot);
        }

        private string ContentRoot { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseContentRoot(ContentRoot);
            builder.UseEnvironment("Production");
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Evenhand", $"Data Source={databasePath}");
            builder.UseSetting("Demo:Enabled", "false");
            builder.UseSetting("BackgroundWork:Enabled", "false");
        }
    }
}
