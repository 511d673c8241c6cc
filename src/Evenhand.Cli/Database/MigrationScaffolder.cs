#pragma warning disable EF1001 // The design-time scaffolder is the supported engine behind `dotnet ef migrations add`.
using Evenhand.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Cli.Database;

/// <summary>
/// Adds an EF Core migration for one provider. It does what `dotnet ef migrations add` does, so that a developer can create
/// migrations for both providers with the project's own CLI (the dotnet-ef tool is not available from every package feed).
/// </summary>
internal static class MigrationScaffolder
{
    public static IReadOnlyList<string> Add(string name, DatabaseProvider provider, string repoRoot)
    {
        var (assembly, connection) = provider == DatabaseProvider.Postgres
            ? (DatabaseSetup.PostgresMigrationsAssembly, "Host=localhost;Database=evenhand_design")
            : (DatabaseSetup.SqliteMigrationsAssembly, "Data Source=:memory:");
        using var db = new EvenhandDbContext(DatabaseSetup.BuildOptions(provider, connection));

        var services = new ServiceCollection();
        services.AddEntityFrameworkDesignTimeServices();
        services.AddDbContextDesignTimeServices(db);
        if (provider == DatabaseProvider.Postgres)
        {
            new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services);
        }
        else
        {
            new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services);
        }

        using var sp = services.BuildServiceProvider();
        var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, assembly, "Migrations", "C#");
        var projectDir = Path.Combine(repoRoot, "src", assembly);
        var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
        return [files.MigrationFile!, files.MetadataFile!, files.SnapshotFile!];
    }
}
