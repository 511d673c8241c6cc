using Evenhand.Accounts;
using Evenhand.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// The real web app in memory on a database the test chooses, without demo data (so it starts in a second or two), with any
/// extra settings. For tests that cut the database off, change the environment, or need an app of their own.
/// </summary>
public sealed class PlainApp(string provider, string connectionString, string environment = "Development", params (string Key, string Value)[] settings)
    : WebApplicationFactory<Program>
{
    public const string Password = "Plain-App-Test-Pass-1";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", provider);
        builder.UseSetting("ConnectionStrings:Evenhand", connectionString);
        builder.UseSetting("Demo:Enabled", "false");
        builder.UseSetting("BackgroundWork:Enabled", "false");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects.</summary>
    public PageClient Client() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A new user of the role (in the force, for force roles), signed in.</summary>
    public async Task<PageClient> SignedInAsNewUserAsync(string role, string? forceSlug)
    {
        var email = $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}@test.evenhand.test";
        using (var scope = Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(
                new NewUserOptions(email, "Test " + role, role, forceSlug, Password), new ProcessContext("test", "Test", TestClock.Now), CancellationToken.None);
        }

        var client = Client();
        await client.SignInAsync(email, Password);
        return client;
    }
}
