using Evenhand.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>
/// The real web app on Kestrel at a free localhost port, with a SQLite database of its own in a temporary file
/// and the demo data (the seed report, the four PCC responses and a demo user per role).
/// </summary>
public sealed class EvenhandServer : WebApplicationFactory<Program>
{
    public const string DemoPassword = "Browser-Test-Pass-123!";

    private readonly string databasePath = Path.Combine(Path.GetTempPath(), $"evenhand-browser-{Guid.NewGuid():N}.db");

    /// <summary>What the server is doing and has been slow at, for failure messages (see <see cref="ServerActivity"/>).</summary>
    public ServerActivity Activity { get; } = new();

    public EvenhandServer()
    {
        UseKestrel(0);
    }

    /// <summary>Starts the server (once) and returns its address, e.g. http://127.0.0.1:41234.</summary>
    public Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.Ordinal))
            ?? throw new InvalidOperationException("Kestrel is not listening on http: " + string.Join(", ", addresses));
        return new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // UseSetting, not ConfigureAppConfiguration: Program reads these before it builds the app.
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Evenhand", $"Data Source={databasePath}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new ServerActivity.StartupFilter(Activity)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqlitePools.Release($"Data Source={databasePath}");
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A temporary file; not worth failing a test run for.
            }
        }

        GC.SuppressFinalize(this);
    }
}
