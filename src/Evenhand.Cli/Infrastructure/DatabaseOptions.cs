using System.CommandLine;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Cli.Infrastructure;

/// <summary>
/// <c>--provider</c> and <c>--connection</c>, on every command that uses the database. The defaults are the web app's configuration
/// keys as environment variables (<c>Database__Provider</c>, <c>ConnectionStrings__Evenhand</c>), then a SQLite file.
/// </summary>
internal sealed class DatabaseOptions
{
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionVariable = "ConnectionStrings__Evenhand";

    public Option<string?> Provider { get; } = new("--provider")
    {
        Description = $"Database provider: sqlite or postgres [default: ${ProviderVariable}, else sqlite]",
        HelpName = "sqlite|postgres",
    };

    public Option<string?> Connection { get; } = new("--connection", "--db")
    {
        Description = $"Connection string [default: ${ConnectionVariable}, else \"{DatabaseSetup.DefaultSqliteConnectionString}\"]",
        HelpName = "connection-string",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Connection);
    }

    /// <summary>Opens the database and brings it up to date (migrations and reference data) before the command uses it.</summary>
    public async Task<EvenhandDbContext> OpenAsync(ParseResult parseResult, CancellationToken ct)
    {
        var db = new EvenhandDbContext(BuildOptions(parseResult));
        try
        {
            await DatabaseInitializer.InitialiseAsync(db, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    public DbContextOptions<EvenhandDbContext> BuildOptions(ParseResult parseResult)
    {
        var (provider, connection) = Resolve(parseResult);
        return DatabaseSetup.BuildOptions(provider, connection);
    }

    public void Configure(DbContextOptionsBuilder builder, ParseResult parseResult)
    {
        var (provider, connection) = Resolve(parseResult);
        DatabaseSetup.Configure(builder, provider, connection);
    }

    /// <summary>The provider and connection string the options and environment give.</summary>
    public (DatabaseProvider Provider, string Connection) Resolve(ParseResult parseResult)
    {
        var providerName = parseResult.GetValue(Provider) ?? Environment.GetEnvironmentVariable(ProviderVariable);
        DatabaseProvider provider;
        try
        {
            provider = DatabaseSetup.ParseProvider(providerName);
        }
        catch (InvalidOperationException)
        {
            throw CliException.Usage($"--provider '{providerName}' is not supported. Use sqlite (the default) or postgres.");
        }

        var connection = parseResult.GetValue(Connection);
        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = Environment.GetEnvironmentVariable(ConnectionVariable);
        }

        if (string.IsNullOrWhiteSpace(connection))
        {
            connection = provider == DatabaseProvider.Sqlite
                ? DatabaseSetup.DefaultSqliteConnectionString
                : throw CliException.Usage($"The postgres provider needs a connection string: pass --connection or set ${ConnectionVariable}.");
        }

        return (provider, connection);
    }
}
