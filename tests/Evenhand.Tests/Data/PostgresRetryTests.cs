using System.Data.Common;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Evenhand.Tests.Data;

/// <summary>
/// Issue 12 point 4: on PostgreSQL commands are retried after a transient failure (EnableRetryOnFailure), and a unit of
/// several saves in one transaction is retried as a whole (<see cref="DbTransactions"/>), so a connection lost half-way
/// leaves neither an error for the user nor half a change.
/// </summary>
public sealed class PostgresRetryTests
{
    [SkippableFact]
    public async Task ConnectionKilledBetweenTheTwoSavesOfAUnit_TheUnitIsRetried_AndSavedOnce()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        var forceId = await InitialiseAsync(database);
        // The register's second save (history and audit) finds its connection gone: the server ended it.
        var killer = new KillConnectionOnce(database.ConnectionString, sql => sql.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal));
        await using (var db = Context(database, killer))
        {
            await new ContentiousIssueService(db, TimeProvider.System)
                .CreateAsync(forceId, new IssueDetails("Retried issue", new DateOnly(2025, 5, 1), RiskLevel.Low, "Assessed", null, null, IssueStatus.Open), Actor());
        }

        Assert.True(killer.Killed);
        await using var check = database.CreateContext();
        var issue = await check.ContentiousIssues.SingleAsync();
        Assert.Equal("Retried issue", issue.Issue);
        Assert.Equal(1, await check.AuditEntries.CountAsync(a => a.EntityType == ContentiousIssueService.Type && a.EntityId == issue.Id.ToString()));
        Assert.Equal(1, await check.GovernanceHistory.CountAsync(h => h.RecordType == ContentiousIssueService.Type && h.RecordId == issue.Id));
    }

    [SkippableFact]
    public async Task ATransactionBegunByHand_IsRefusedByTheRetryingStrategy_WhichIsWhyEveryUnitGoesThroughDbTransactions()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        await InitialiseAsync(database);
        await using var db = database.CreateContext();
        Assert.True(db.Database.CreateExecutionStrategy().RetriesOnFailure);
        await using var tx = await db.Database.BeginTransactionAsync();
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => db.Forces.CountAsync());
        Assert.Contains("does not support user-initiated transactions", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTransactionIsBegunByHand_OutsideDbTransactions_AnywhereInTheSource()
    {
        var offenders = TestPaths.SourceFiles("src", ".cs")
            .Where(f => File.ReadAllText(f).Contains("BeginTransaction", StringComparison.Ordinal))
            .Select(TestPaths.Relative)
            .ToList();
        // DbTransactions itself, and the social import, whose transaction runs inside DbTransactions.OnceAsync.
        Assert.Equal(["src/Evenhand/Data/DbTransactions.cs", "src/Evenhand/SocialMedia/Datasets/SocialDatasetService.cs"], offenders);
    }

    [SkippableFact]
    public async Task AStreamedQuery_RunOnce_IsReadRowByRow_WhereTheRetryingStrategyWouldBufferItAll()
    {
        TestDatabases.SkipIfUnavailable(TestDatabases.Postgres);
        using var database = TestDatabases.Create(TestDatabases.Postgres);
        await InitialiseAsync(database);
        await using var db = database.CreateContext();

        // As configured: the retrying strategy reads every row before handing over the first (so a retry could repeat them).
        Assert.False(await StillFetchingAtFirstRowAsync(db));
        // Once (as the posts CSV does): the rows stream from the open reader.
        Assert.True(await db.OnceAsync(_ => StillFetchingAtFirstRowAsync(db)));
    }

    /// <summary>Whether the server's result was still being read when the first row reached the caller.</summary>
    private static async Task<bool> StillFetchingAtFirstRowAsync(EvenhandDbContext db)
    {
        bool? fetching = null;
        await foreach (var _ in db.Forces.AsNoTracking().OrderBy(f => f.Id).AsAsyncEnumerable())
        {
            fetching ??= ((NpgsqlConnection)db.Database.GetDbConnection()).FullState.HasFlag(System.Data.ConnectionState.Fetching);
        }

        return fetching ?? throw new InvalidOperationException("No rows.");
    }

    private static EvenhandDbContext Context(TestDatabase database, IInterceptor interceptor)
    {
        var options = new DbContextOptionsBuilder<EvenhandDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        options.AddInterceptors(interceptor);
        return new EvenhandDbContext(options.Options);
    }

    private static async Task<int> InitialiseAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        await DatabaseInitializer.InitialiseAsync(db);
        return await db.Forces.Where(f => f.Slug == "cheshire").Select(f => f.Id).SingleAsync();
    }

    private static ProcessContext Actor() => new("user-1", "Test user", TestClock.Now, null);

    /// <summary>Before the first command matching <c>match</c>, has the server terminate the connection it will run on.</summary>
    private sealed class KillConnectionOnce(string connectionString, Func<string, bool> match) : DbCommandInterceptor
    {
        public bool Killed { get; private set; }

        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (!Killed && match(command.CommandText))
            {
                Killed = true;
                var pid = ((NpgsqlConnection)command.Connection!).ProcessID;
                await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
                await admin.OpenAsync(cancellationToken);
                await using var kill = new NpgsqlCommand("SELECT pg_terminate_backend(@pid, 5000)", admin);
                kill.Parameters.AddWithValue("pid", pid);
                Assert.Equal(true, await kill.ExecuteScalarAsync(cancellationToken));
            }

            return result;
        }
    }
}
