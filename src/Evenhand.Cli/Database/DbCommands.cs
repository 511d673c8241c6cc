using System.CommandLine;
using Evenhand.Cli.Infrastructure;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;
using Spectre.Console;

namespace Evenhand.Cli.Database;

/// <summary><c>evenhand db migrate</c>: brings a database up to date, as the web app does when it starts; <c>db backup</c> and <c>db restore</c> (<see cref="DbBackupCommands"/>).</summary>
internal static class DbCommands
{
    public static Command Build()
    {
        var database = new DatabaseOptions();
        var migrate = new Command("migrate", "Create or upgrade the database: apply migrations and load the reference data (the 43 forces).");
        database.AddTo(migrate);
        migrate.SetHandler(async (pr, console, ct) =>
        {
            await using var db = new EvenhandDbContext(database.BuildOptions(pr));
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            await console.StatusAsync("Migrating…", async () =>
            {
                await DatabaseInitializer.InitialiseAsync(db, ct);
                return 0;
            });
            foreach (var migration in pending)
            {
                console.Out.MarkupLineInterpolated($"[green]applied[/] {migration}");
            }

            var forces = await db.Forces.CountAsync(ct);
            console.Out.MarkupLineInterpolated(
                $"Database is up to date ({(pending.Count == 0 ? "no migrations were pending" : $"{pending.Count} migration(s) applied")}; {forces} forces).");
            return ExitCodes.Success;
        });
        return new Command("db", "Database administration.") { Subcommands = { migrate, DbBackupCommands.Backup(), DbBackupCommands.Restore() } };
    }
}
