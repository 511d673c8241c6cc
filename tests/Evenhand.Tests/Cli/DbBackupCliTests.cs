using System.Diagnostics;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Evenhand.Tests.Cli;

/// <summary>Issue 12 point 3: <c>evenhand db backup FILE</c> and <c>evenhand db restore FILE</c>.</summary>
public sealed class DbBackupCliTests : IDisposable
{
    private readonly TempDatabase db = new();

    public void Dispose() => db.Dispose();

    private string DatabasePath => Path.Combine(db.Folder, "x.db");

    [Fact]
    public async Task Backup_WhileWritesGoOn_GivesOneSelfContainedFile_WithAConsistentSnapshot()
    {
        var forceId = await MigrateAsync();
        using var stop = new CancellationTokenSource();
        var committed = 0;
        var writer = Task.Run(async () =>
        {
            // Each register entry is a transaction of two saves: the issue, then its history and audit entries.
            while (!stop.IsCancellationRequested)
            {
                await AddIssueAsync(forceId, $"Issue {committed}");
                Interlocked.Increment(ref committed);
            }
        });
        while (Volatile.Read(ref committed) < 5)
        {
            await Task.Delay(20);
        }

        var before = Volatile.Read(ref committed);
        var backup = Path.Combine(db.Folder, "backup.db");
        var run = await CliHarness.RunAsync(db.With("db", "backup", backup));
        var after = Volatile.Read(ref committed);
        while (Volatile.Read(ref committed) < after + 3)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await writer;

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Backed up", run.Out, StringComparison.Ordinal);
        Assert.Equal(["backup.db"], Directory.GetFiles(db.Folder, "backup.db*").Select(Path.GetFileName));
        var inspection = SqliteBackup.Inspect(backup);
        Assert.Empty(inspection.Pending);
        Assert.Equal(43, inspection.Forces);
        await using var copy = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={backup};Mode=ReadOnly"));
        var issues = await copy.ContentiousIssues.CountAsync();
        Assert.InRange(issues, before, after + 1);
        // A snapshot, never half a transaction: every issue in the copy has its audit entry and its history, and no more.
        Assert.Equal(issues, await copy.AuditEntries.CountAsync(a => a.EntityType == ContentiousIssueService.Type));
        Assert.Equal(issues, await copy.GovernanceHistory.CountAsync());
        await using var live = db.Open();
        Assert.True(await live.ContentiousIssues.CountAsync() > issues, "the writes went on during and after the backup");
    }

    [Fact]
    public async Task Backup_ToAFileThatExists_IsRefused_AndTheFileIsUntouched()
    {
        await MigrateAsync();
        var existing = db.WriteFile("existing.db", "keep me");
        var run = await CliHarness.RunAsync(db.With("db", "backup", existing));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already exists", run.Error, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(existing));
    }

    [Fact]
    public async Task Restore_RoundTrip_BringsBackTheBackup_AndKeepsTheReplacedDatabaseAside()
    {
        var forceId = await MigrateAsync();
        await AddIssueAsync(forceId, "Before the backup");
        var backup = Path.Combine(db.Folder, "backup.db");
        Assert.Equal(0, (await CliHarness.RunAsync(db.With("db", "backup", backup))).ExitCode);
        await AddIssueAsync(forceId, "After the backup");
        SqlitePools.Release(db.ConnectionString); // the web app would be stopped

        var run = await CliHarness.RunAsync(db.With("db", "restore", backup, "--yes"));

        Assert.True(run.ExitCode == 0, run.ToString());
        await using (var restored = db.Open())
        {
            Assert.Equal(["Before the backup"], await restored.ContentiousIssues.Select(i => i.Issue).ToListAsync());
        }

        var kept = Assert.Single(Directory.GetFiles(db.Folder, "x.db.before-restore-*"));
        Assert.Contains(Path.GetFileName(kept), run.Out, StringComparison.Ordinal);
        await using var old = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, $"Data Source={kept};Mode=ReadOnly"));
        Assert.Equal(["After the backup", "Before the backup"], await old.ContentiousIssues.Select(i => i.Issue).OrderBy(i => i).ToListAsync());
    }

    [Fact]
    public async Task Restore_OfAFileThatIsNotADatabase_IsRefused_AndNothingChanges()
    {
        await MigrateAsync();
        var before = await File.ReadAllBytesAsync(DatabasePath);
        var notes = db.WriteFile("notes.db", "This is a text file with a .db name.");

        var run = await CliHarness.RunAsync(db.With("db", "restore", notes, "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not a SQLite database", run.Error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(DatabasePath));
        Assert.Empty(Directory.GetFiles(db.Folder, "x.db.before-restore-*"));
    }

    [Theory]
    [InlineData(null, "has no migration history")]
    [InlineData("20190101000000_SomeoneElsesSchema", "is not an Evenhand database")]
    public async Task Restore_OfAnotherApplicationsSqliteDatabase_IsRefused(string? migration, string message)
    {
        await MigrateAsync();
        var other = Path.Combine(db.Folder, "other.db");
        using (var connection = new SqliteConnection($"Data Source={other};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE Orders (Id INTEGER PRIMARY KEY, Total REAL); INSERT INTO Orders VALUES (1, 9.99);";
            if (migration is not null)
            {
                command.CommandText += $"CREATE TABLE __EFMigrationsHistory (MigrationId TEXT PRIMARY KEY, ProductVersion TEXT); INSERT INTO __EFMigrationsHistory VALUES ('{migration}', '8.0.0');";
            }

            command.ExecuteNonQuery();
        }

        var run = await CliHarness.RunAsync(db.With("db", "restore", other, "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(db.Folder, "x.db.before-restore-*"));
        await using var live = db.Open();
        Assert.Equal(43, await live.Forces.CountAsync());
    }

    [Fact]
    public async Task Restore_OfABackupFromAnOlderVersion_IsRefused_WithHowToUpgradeIt()
    {
        await MigrateAsync();
        var backup = Path.Combine(db.Folder, "old.db");
        Assert.Equal(0, (await CliHarness.RunAsync(db.With("db", "backup", backup))).ExitCode);
        var last = SqliteBackup.KnownMigrations()[^1];
        using (var connection = new SqliteConnection($"Data Source={backup};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"DELETE FROM __EFMigrationsHistory WHERE MigrationId = '{last}'";
            command.ExecuteNonQuery();
        }

        var run = await CliHarness.RunAsync(db.With("db", "restore", backup, "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("older version of Evenhand", run.Error, StringComparison.Ordinal);
        Assert.Contains(last, run.Error, StringComparison.Ordinal);
        Assert.Contains("evenhand db migrate", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Restore_WhileTheDatabaseIsOpenElsewhere_IsRefused()
    {
        await MigrateAsync();
        var backup = Path.Combine(db.Folder, "backup.db");
        Assert.Equal(0, (await CliHarness.RunAsync(db.With("db", "backup", backup))).ExitCode);
        await using var webApp = db.Open(); // as the running web app holds its connections open
        await webApp.Database.OpenConnectionAsync();
        Assert.Equal(43, await webApp.Forces.CountAsync());

        var run = await CliHarness.RunAsync(db.With("db", "restore", backup, "--yes"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is in use by another program", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(db.Folder, "x.db.before-restore-*"));
    }

    [Fact]
    public async Task Restore_WithoutYes_WhenNoOneCanBeAsked_RestoresNothing()
    {
        await MigrateAsync();
        var backup = Path.Combine(db.Folder, "backup.db");
        Assert.Equal(0, (await CliHarness.RunAsync(db.With("db", "backup", backup))).ExitCode);
        var run = await CliHarness.RunAsync(db.With("db", "restore", backup));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--yes", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(db.Folder, "x.db.before-restore-*"));
    }

    [SkippableFact]
    public async Task Backup_OnPostgres_PrintsAPgDumpLineWithoutThePassword_ThatWorks()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        await using (var context = database.CreateContext())
        {
            await DatabaseInitializer.InitialiseAsync(context);
        }

        var dump = Path.Combine(db.Folder, "evenhand.dump");
        var pg = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var secret = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = "S3cret-never-shown" }.ConnectionString;
        var run = await CliHarness.RunAsync("db", "backup", dump, "--provider", "postgres", "--connection", secret);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("S3cret-never-shown", run.Out + run.Error, StringComparison.Ordinal);
        var line = run.Out.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("pg_dump ", StringComparison.Ordinal));
        Assert.Contains($"--dbname={pg.Database}", line, StringComparison.Ordinal);
        Assert.Contains($"--file={dump}", line, StringComparison.Ordinal);
        Skip.If(!File.Exists("/usr/bin/pg_dump") && !TestDatabases.PostgresRequired, "pg_dump is not installed.");

        // The line as printed, run by a shell, with the password where pg_dump looks for it.
        var shell = new ProcessStartInfo("/bin/sh", ["-c", line]) { RedirectStandardError = true };
        shell.Environment["PGPASSWORD"] = pg.Password;
        using var process = Process.Start(shell)!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        var header = new byte[5];
        await using (var file = File.OpenRead(dump))
        {
            await file.ReadExactlyAsync(header);
        }

        Assert.Equal("PGDMP"u8.ToArray(), header); // pg_dump's custom format
    }

    private async Task<int> MigrateAsync()
    {
        var run = await CliHarness.RunAsync(db.With("db", "migrate"));
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var context = db.Open();
        return await context.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
    }

    private async Task AddIssueAsync(int forceId, string name)
    {
        await using var context = db.Open();
        await new ContentiousIssueService(context, TimeProvider.System).CreateAsync(forceId,
            new IssueDetails(name, new DateOnly(2025, 5, 1), RiskLevel.Low, "Assessed", null, null, IssueStatus.Open),
            new ProcessContext("user-1", "Test user", TestClock.Now));
    }
}
