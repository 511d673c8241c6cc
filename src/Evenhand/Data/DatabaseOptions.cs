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

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string? connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Postgres:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Evenhand is not set.");
                }

                options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                options.UseSqlite(string.IsNullOrWhiteSpace(connectionString) ? DefaultSqliteConnectionString : connectionString,
                    o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                // Deleted personal data is overwritten, not left in the file's free space (see PersonalDataErasure).
                options.AddInterceptors(SqliteSecureDeleteInterceptor.Instance);
                break;
        }
    }

    public static DbContextOptions<EvenhandDbContext> BuildOptions(DatabaseProvider provider, string? connectionString)
    {
        var builder = new DbContextOptionsBuilder<EvenhandDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
