using Evenhand.Data;
using Npgsql;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// Where integration tests get a database. SQLite always; PostgreSQL when EVENHAND_TEST_POSTGRES holds a connection string
/// (a role that may create databases). CI sets EVENHAND_REQUIRE_POSTGRES=1, so there a missing server fails instead of skipping.
/// </summary>
public static class TestDatabases
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static string? PostgresTemplate => Environment.GetEnvironmentVariable("EVENHAND_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static bool PostgresRequired => Environment.GetEnvironmentVariable("EVENHAND_REQUIRE_POSTGRES") == "1";

    public static TheoryData<string> Providers => [Sqlite, Postgres];

    public static string SkipReason =>
        "PostgreSQL tests skipped: set EVENHAND_TEST_POSTGRES to a connection string for a role with CREATEDB (.ci/run does this).";

    /// <summary>Skips the running test for PostgreSQL when no server is configured, unless CI requires it.</summary>
    public static void SkipIfUnavailable(string provider) =>
        Skip.If(provider == Postgres && PostgresTemplate is null && !PostgresRequired, SkipReason);

    /// <summary>A new, empty database; dispose the result to drop it.</summary>
    public static TestDatabase Create(string provider)
    {
        if (provider == Sqlite)
        {
            var path = Path.Combine(Path.GetTempPath(), $"evenhand-test-{Guid.NewGuid():N}.db");
            var connectionString = $"Data Source={path}";
            return new TestDatabase(DatabaseProvider.Sqlite, connectionString, () =>
            {
                SqlitePools.Release(connectionString); // only this database's: tests run in parallel
                foreach (var f in new[] { path, path + "-wal", path + "-shm" })
                {
                    File.Delete(f);
                }
            });
        }

        var template = PostgresTemplate ?? throw new InvalidOperationException(
            "EVENHAND_REQUIRE_POSTGRES=1 but EVENHAND_TEST_POSTGRES is not set. " + SkipReason);
        var name = $"evenhand_test_{Guid.NewGuid():N}";
        // With many test classes creating and dropping databases at once (each drop forces a checkpoint) on a busy machine,
        // opening this connection has taken longer than Npgsql's 15 s default: a limit of the test harness, not of the app.
        var admin = new NpgsqlConnectionStringBuilder(template) { Database = "postgres", Pooling = false, Timeout = 60, CommandTimeout = 120 }.ConnectionString;
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }

        var cs = new NpgsqlConnectionStringBuilder(template) { Database = name }.ConnectionString;
        return new TestDatabase(DatabaseProvider.Postgres, cs, () =>
        {
            // The app's job engine may still be closing its connections as the test ends, or an autovacuum worker (a
            // superuser's process, which FORCE may not end) may be at work in the database: try the drop again briefly.
            for (var attempt = 1; ; attempt++)
            {
                NpgsqlConnection.ClearAllPools();
                try
                {
                    using var conn = new NpgsqlConnection(admin);
                    conn.Open();
                    using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", conn);
                    cmd.ExecuteNonQuery();
                    return;
                }
                catch (PostgresException e) when (attempt < 10)
                {
                    Console.Error.WriteLine($"Dropping {name} failed ({e.SqlState}: {e.MessageText}); trying again");
                    Thread.Sleep(1000);
                }
            }
        });
    }
}

public sealed class TestDatabase(DatabaseProvider provider, string connectionString, Action drop) : IDisposable
{
    public DatabaseProvider Provider { get; } = provider;
    public string ConnectionString { get; } = connectionString;

    public EvenhandDbContext CreateContext() => new(DatabaseSetup.BuildOptions(Provider, ConnectionString));

    public void Dispose() => drop();
}
