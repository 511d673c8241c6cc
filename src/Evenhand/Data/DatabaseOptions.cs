using Microsoft.EntityFrameworkCore;

namespace Evenhand.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Selects the database provider and its migrations assembly (EF Core "migrations with multiple providers").</summary>
public static class DatabaseSetup
{
    public const string DefaultSqliteConnectionString = "Data Source=evenhand.db";
    public const string SqliteMigrationsAssembly = "Evenhand.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Evenhand.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Database:Provider '{value}' is not supported. Use 'Sqlite' (the default) or 'Postgres'."),
    };

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString, DatabaseRetry? retry = null)
    {
        retry ??= new DatabaseRetry();
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Evenhand is not set.");
                }

                options.UseNpgsql(connectionString, o =>
                {
                    o.MigrationsAssembly(PostgresMigrationsAssembly);
                    // A dropped connection, a failover or a restarting server is retried rather than shown to the user.
                    // Work that spans several commands in one transaction runs through DbTransactions.InTransactionAsync,
                    // which retries the whole unit.
                    if (retry.RetryCount > 0)
                    {
                        o.EnableRetryOnFailure(retry.RetryCount, TimeSpan.FromSeconds(retry.RetryMaxDelaySeconds), errorCodesToAdd: null);
                    }
                });
                break;
            default:
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString,
                    o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                // WAL, a busy timeout, and deleted personal data overwritten rather than left in free space.
                options.AddInterceptors(SqliteConnectionSetup.Instance);
                break;
        }
    }

    public static DbContextOptions<EvenhandDbContext> BuildOptions(DatabaseProvider provider, string? connectionString, DatabaseRetry? retry = null)
    {
        var builder = new DbContextOptionsBuilder<EvenhandDbContext>();
        Configure(builder, provider, connectionString, retry);
        return builder.Options;
    }
}

/// <summary>
/// How PostgreSQL commands are retried after a transient failure (<c>Database:RetryCount</c>, <c>Database:RetryMaxDelaySeconds</c>).
/// The waits grow 0 s, 1 s, 3 s, 7 s, … up to the maximum, so the defaults ride out a brief outage (about 4 seconds) without
/// keeping a user waiting long before the "service unavailable" page when the database is really down. 0 turns retries off.
/// </summary>
public sealed class DatabaseRetry
{
    public const string Section = "Database";

    public int RetryCount { get; set; } = 3;

    public int RetryMaxDelaySeconds { get; set; } = 5;
}
