using Evenhand.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Evenhand.Tests.Infrastructure;

/// <summary>The real web app, in memory, on its own database (SQLite file or PostgreSQL database) with the demo data.</summary>
public sealed class EvenhandApp : WebApplicationFactory<Program>
{
    public const string Password = "Integration-Test-Pass-1";

    public EvenhandApp(string provider)
    {
        Provider = provider;
        Database = TestDatabases.Create(provider);
    }

    public string Provider { get; }

    public TestDatabase Database { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Evenhand", Database.ConnectionString);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", Password);
    }

    public EvenhandDbContext CreateDbContext() => Database.CreateContext();

    public T Service<T>(IServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests assert them).</summary>
    public PageClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<PageClient> SignedInAsync(string email)
    {
        var client = Client();
        await client.SignInAsync(email, Password);
        return client;
    }

    /// <summary>A new user of <paramref name="role"/> in <paramref name="forceSlug"/> (any of the 43 forces), signed in.</summary>
    public async Task<PageClient> SignedInAsNewUserAsync(string role, string? forceSlug) => await SignedInAsync(await CreateUserAsync(role, forceSlug));

    /// <summary>A new user of <paramref name="role"/> in <paramref name="forceSlug"/> with <see cref="Password"/>; returns the email.</summary>
    public async Task<string> CreateUserAsync(string role, string? forceSlug)
    {
        var email = $"{role.ToLowerInvariant()}.{forceSlug ?? "national"}.{Guid.NewGuid():N}@test.evenhand.test";
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Evenhand.Accounts.EvenhandUser>>();
        var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
        var forceId = forceSlug is null ? (int?)null : db.Forces.Single(f => f.Slug == forceSlug).Id;
        var user = new Evenhand.Accounts.EvenhandUser { UserName = email, Email = email, DisplayName = $"Test {role}", ForceId = forceId, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return email;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Database.Dispose();
        }
    }
}

/// <summary>
/// One app per database provider for the whole test run: starting the app imports the seed documents, which is the slow part.
/// Tests share it, so each test uses its own records or asserts relative changes, and never changes a demo user: the run
/// fails at the end if one did (<see cref="DemoUserGuard"/>).
/// </summary>
public sealed class AppFixture(IMessageSink diagnostics) : IDisposable
{
    private readonly Dictionary<string, EvenhandApp> apps = [];
    private readonly Dictionary<string, Dictionary<string, string>> demoUsers = [];
    private readonly Lock gate = new();

    public EvenhandApp Get(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        lock (gate)
        {
            if (!apps.TryGetValue(provider, out var app))
            {
                app = new EvenhandApp(provider);
                _ = app.Server; // start now, so failures show up here
                apps[provider] = app;
                using var db = app.CreateDbContext();
                demoUsers[provider] = DemoUserGuard.Snapshot(db);
            }

            return app;
        }
    }

    public void Dispose()
    {
        var changes = new List<string>();
        foreach (var (provider, app) in apps)
        {
            using (var db = app.CreateDbContext())
            {
                changes.AddRange(DemoUserGuard.Changes(demoUsers[provider], DemoUserGuard.Snapshot(db)).Select(c => $"{provider}: {c}"));
            }

            app.Dispose();
        }

        if (changes.Count > 0)
        {
            var e = DemoUserGuard.Changed("the shared web app (AppFixture)", changes);
            diagnostics.OnMessage(new DiagnosticMessage(e.Message)); // xunit shows only the exception's type for a fixture
            throw e;
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<AppFixture>
{
    public const string Name = "Web app";
}
