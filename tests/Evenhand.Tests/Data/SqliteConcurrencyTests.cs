using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Data;

/// <summary>
/// Issue 12 point 4: SQLite in WAL mode with a busy timeout, so that several people saving at once wait their turn instead of
/// being told "database is locked", and reading never waits for a writer.
/// </summary>
public sealed class SqliteConcurrencyTests : IDisposable
{
    private readonly TestDatabase database = TestDatabases.Create(TestDatabases.Sqlite);
    private readonly FakeClock time = new();

    private string Path => new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;

    [Fact]
    public async Task EveryConnection_IsInWalMode_WithTheConnectionsTimeoutAsBusyTimeout()
    {
        await InitialiseAsync();
        await using var db = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, database.ConnectionString + ";Default Timeout=7"));
        await db.Database.OpenConnectionAsync();
        Assert.Equal("wal", await PragmaAsync(db, "journal_mode"));
        Assert.Equal(7000L, await PragmaAsync(db, "busy_timeout"));
        Assert.Equal(1L, await PragmaAsync(db, "secure_delete"));
    }

    [Fact]
    public async Task ManyWritersAtOnce_EachTransactionOfTwoSaves_AllSucceed()
    {
        var forceId = await InitialiseAsync();
        const int writers = 6, each = 8;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                // A register entry is two saves in one transaction (the record, then its history and audit entry).
                await using var db = database.CreateContext();
                await new ContentiousIssueService(db, time).CreateAsync(forceId, Issue($"writer {w} issue {i}"), Actor());
            }
        })));

        await using var check = database.CreateContext();
        Assert.Equal(writers * each, await check.ContentiousIssues.CountAsync());
        Assert.Equal(writers * each, await check.AuditEntries.CountAsync(a => a.EntityType == ContentiousIssueService.Type && a.Action == "Created"));
    }

    [Fact]
    public async Task AWriterHoldingTheLock_MakesTheNextWriterWait_NotFail()
    {
        var forceId = await InitialiseAsync();
        await using var holder = new SqliteConnection(database.ConnectionString);
        await holder.OpenAsync();
        await using var tx = (SqliteTransaction)await holder.BeginTransactionAsync(); // BEGIN IMMEDIATE: the write lock
        await using (var insert = holder.CreateCommand())
        {
            insert.CommandText = "UPDATE Forces SET Name = Name WHERE Id = $id";
            insert.Parameters.AddWithValue("$id", forceId);
            await insert.ExecuteNonQueryAsync();
        }

        var waiting = Task.Run(async () =>
        {
            await using var db = database.CreateContext();
            await new ContentiousIssueService(db, time).CreateAsync(forceId, Issue("saved after the lock"), Actor());
        });
        await Task.Delay(700);
        Assert.False(waiting.IsCompleted, "The second writer should wait for the first one's transaction.");

        await tx.CommitAsync();
        await waiting; // it went ahead once the lock was released, without an error
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.ContentiousIssues.CountAsync(i => i.Issue == "saved after the lock"));
    }

    [Fact]
    public async Task AReaderInTheMiddleOfAReadTransaction_DoesNotHoldUpAWritersCommit()
    {
        var forceId = await InitialiseAsync();
        // A reader holding a snapshot open; in a rollback journal the writer could not commit until it finished.
        await using var reader = new SqliteConnection(database.ConnectionString + ";Default Timeout=1");
        await reader.OpenAsync();
        await using var snapshot = reader.BeginTransaction(deferred: true);
        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM ContentiousIssues";
            Assert.Equal(0L, await read.ExecuteScalarAsync());
        }

        await using (var db = new EvenhandDbContext(DatabaseSetup.BuildOptions(DatabaseProvider.Sqlite, database.ConnectionString + ";Default Timeout=1")))
        {
            await new ContentiousIssueService(db, time).CreateAsync(forceId, Issue("written while read"), Actor());
        }

        await using (var read = reader.CreateCommand())
        {
            read.CommandText = "SELECT count(*) FROM ContentiousIssues";
            Assert.Equal(0L, await read.ExecuteScalarAsync()); // the reader still sees its snapshot
        }

        await snapshot.CommitAsync();
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.ContentiousIssues.CountAsync());
    }

    private async Task<int> InitialiseAsync()
    {
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        Assert.True(File.Exists(Path));
        return await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
    }

    private static async Task<object?> PragmaAsync(EvenhandDbContext db, string name)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"PRAGMA {name};";
        return await command.ExecuteScalarAsync();
    }

    private static IssueDetails Issue(string name) =>
        new(name, new DateOnly(2025, 5, 1), RiskLevel.Medium, "Assessed", null, null, IssueStatus.Open);

    private ProcessContext Actor() => new("user-1", "Test user", time.GetUtcNow(), null);

    public void Dispose() => database.Dispose();

    private sealed class FakeClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(2025, 6, 1, 9, 0, 0, TimeSpan.Zero);
    }
}
