using Evenhand.Data;

namespace Evenhand.Web.Infrastructure;

/// <summary>Runs before the app serves requests: migrate the database, load reference data, and on a demo database the sample documents and users.</summary>
public static class StartupTasks
{
    public static async Task RunAsync(WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
        await DatabaseInitializer.InitialiseAsync(db);
        // Imports run in this process: any left unfinished belong to a previous run that stopped.
        await scope.ServiceProvider.GetRequiredService<Evenhand.SocialMedia.Datasets.SocialDatasetService>()
            .FailInterruptedAsync(Evenhand.Common.ProcessContext.System(scope.ServiceProvider.GetRequiredService<TimeProvider>(), "Start-up"));
        if (app.Configuration.GetValue("Demo:Enabled", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(app.Configuration["Demo:Password"]);
        }
    }
}
