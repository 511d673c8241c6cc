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
        if (app.Configuration.GetValue("Demo:Enabled", false))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().EnsureAsync(app.Configuration["Demo:Password"]);
        }
    }
}
