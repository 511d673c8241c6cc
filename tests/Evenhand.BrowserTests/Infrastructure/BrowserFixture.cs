using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>
/// One app server and one headless Debian Chromium for the whole run (starting them is the slow part); each test
/// gets a fresh browser context, so cookies never leak between tests. Started on first use, so a run where every
/// browser test is skipped starts nothing.
/// </summary>
#pragma warning disable CA1001 // xunit disposes fixtures through IAsyncLifetime.DisposeAsync
public sealed class BrowserFixture(IMessageSink diagnostics) : IAsyncLifetime
#pragma warning restore CA1001
{
    private readonly SemaphoreSlim startLock = new(1, 1);
    private EvenhandServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private Dictionary<string, string>? demoUsers;

    public Uri BaseAddress { get; private set; } = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    private async Task<IBrowser> StartAsync()
    {
        await startLock.WaitAsync();
        try
        {
            if (browser is not null)
            {
                return browser;
            }

            if (!BrowserEnvironment.ChromiumAvailable)
            {
                // Only reached when EVENHAND_REQUIRE_BROWSER=1; otherwise [BrowserFact] skips the test.
                throw new InvalidOperationException(
                    BrowserEnvironment.MissingMessage + $" {BrowserEnvironment.RequireVariable}=1, so browser tests may not be skipped.");
            }

            server = new EvenhandServer();
            BaseAddress = server.Start();
            using (var scope = server.Services.CreateScope())
            {
                demoUsers = DemoUserGuard.Snapshot(scope.ServiceProvider.GetRequiredService<EvenhandDbContext>());
            }

            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = BrowserEnvironment.ChromiumPath,
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                ],
            });
            return browser;
        }
        finally
        {
            startLock.Release();
        }
    }

    /// <summary>A page in a new browser context (its own cookies), signed in as <paramref name="email"/> when given.</summary>
    public async Task<IPage> NewPageAsync(string? email = null)
    {
        var started = await StartAsync();
        var context = await started.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString().TrimEnd('/'),
            Locale = "en-GB",
            TimezoneId = "Europe/London",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
        // Generous: on a loaded 2-core CI machine a first page render can take several seconds.
        context.SetDefaultTimeout(45_000);
        // Every page records what its content security policy blocked; the accessibility scan fails on any (see Accessibility).
        await context.AddInitScriptAsync(Accessibility.RecordCspViolationsScript);
        var page = await context.NewPageAsync();
        if (email is not null)
        {
            try
            {
                await SignInAsync(page, email, EvenhandServer.DemoPassword);
                await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            }
            catch (Exception e) when (e is PlaywrightException or System.TimeoutException) // Playwright's own waits throw the latter
            {
                // A timed-out wait says only that the page did not arrive; say what the server was doing meanwhile.
                throw new InvalidOperationException($"Signing in as {email} failed at {page.Url}: {e.Message}\n{await DescribeServerAsync()}", e);
            }
        }

        return page;
    }

    /// <summary>
    /// A page signed in as a new user of <paramref name="role"/> in <paramref name="forceSlug"/> (any of the 43 forces), made
    /// for the test with the demo password: a test that saves records uses a force no other test touches.
    /// </summary>
    public async Task<IPage> NewPageAsNewUserAsync(string role, string forceSlug) => await NewPageAsync(await CreateUserAsync(role, forceSlug));

    /// <summary>
    /// A new user of <paramref name="role"/> in <paramref name="forceSlug"/> with the demo password; returns the email. A test
    /// that changes its user (a wrong password counts towards a lockout, signing out ends every session) uses one of these,
    /// never a demo user that other tests sign in as.
    /// </summary>
    public async Task<string> CreateUserAsync(string role, string forceSlug)
    {
        await StartAsync();
        var email = $"{role.ToLowerInvariant()}.{forceSlug}.{Guid.NewGuid():N}@browser.evenhand.test";
        using (var scope = server!.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EvenhandUser>>();
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            var forceId = db.Forces.Single(f => f.Slug == forceSlug).Id;
            var user = new EvenhandUser { UserName = email, Email = email, DisplayName = $"Browser test {role}", ForceId = forceId, EmailConfirmed = true };
            var created = await users.CreateAsync(user, EvenhandServer.DemoPassword);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        }

        return email;
    }

    /// <summary>Fills in and submits the sign-in form (does not check the outcome).</summary>
    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        // Wait for the form post's response itself. The caller then waits for what the next page shows (a retrying assertion),
        // not for a load state, which Playwright can fail to report after a form post (see AccessibilityTests).
        await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>What the server is doing now and what it was slow at (<see cref="ServerActivity"/>), for a failure message.</summary>
    public async Task<string> DescribeServerAsync() =>
        server is null ? "The server has not started." : await server.Activity.DescribeAsync(server.Services);

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        var changes = new List<string>();
        if (server is not null)
        {
            if (server.Activity.SlowCount > 0)
            {
                // Shown in every run's output (diagnosticMessages), so slow pages are seen before they become a timeout.
                diagnostics.OnMessage(new DiagnosticMessage("Browser tests' server: " + await DescribeServerAsync()));
            }

            if (demoUsers is not null)
            {
                using var scope = server.Services.CreateScope();
                changes = DemoUserGuard.Changes(demoUsers, DemoUserGuard.Snapshot(scope.ServiceProvider.GetRequiredService<EvenhandDbContext>()));
            }

            await server.DisposeAsync();
        }

        startLock.Dispose();
        if (changes.Count > 0)
        {
            var e = DemoUserGuard.Changed("the browser tests' server", changes);
            diagnostics.OnMessage(new DiagnosticMessage(e.Message)); // xunit shows only the exception's type for a fixture
            throw e;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}

/// <summary>The demo users DemoData seeds (password <see cref="EvenhandServer.DemoPassword"/>).</summary>
public static class DemoUsers
{
    public const string Domain = "demo.evenhand.test";
    public const string Administrator = "admin@" + Domain;
    public const string Inspectorate = "inspectorate@" + Domain;

    public static string Pcc(string force) => $"pcc.{force}@{Domain}";

    public static string Governance(string force) => $"governance.{force}@{Domain}";
}
