using System.Diagnostics;
using System.Text.RegularExpressions;
using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Evenhand.Bench.Load;

/// <summary>
/// A fresh database for each run, copied from a template built once: the demo data (the seed report, the four PCC responses,
/// demo users and each demo force's synthetic incidents and social media dataset), with <c>--volumes full</c> the pages
/// benchmark's volumes (<see cref="PageVolumes"/>: 857,000 posts, 100,000 incidents, large registers, 1,000,000 audit
/// entries), the load users (<see cref="LoadUsers"/>), and the work already fallen due noted (so the servers do not spend
/// the run's first seconds noting thousands of items). SQLite: a file copy; PostgreSQL: CREATE DATABASE … TEMPLATE.
/// The template is brought up to date (migrations, anything missing) every time; a run never changes it.
/// </summary>
internal sealed partial class LoadDatabase : IAsyncDisposable
{
    private readonly string? adminConnection;
    private readonly bool keep;

    private LoadDatabase(DatabaseProvider provider, string connectionString, string name, string? adminConnection, bool keep)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Name = name;
        this.adminConnection = adminConnection;
        this.keep = keep;
    }

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    /// <summary>The file (SQLite) or database name (PostgreSQL).</summary>
    public string Name { get; }

    public string Describe() => $"{Provider} {Redact(ConnectionString)}";

    public EvenhandDbContext CreateContext() => new(DatabaseSetup.BuildOptions(Provider, ConnectionString));

    /// <summary>Makes (or updates) the template, then a fresh copy of it named after <paramref name="run"/>.</summary>
    public static async Task<LoadDatabase> FreshAsync(DatabaseProvider provider, bool fullVolumes, int users, string run, bool keep, int poolSize, Action<string> log)
    {
        var volumes = fullVolumes ? "full" : "demo";
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = Path.Combine(Path.GetTempPath(), $"evenhand-bench-load-{volumes}.db");
            await EnsureTemplateAsync(provider, $"Data Source={template}", fullVolumes, users, log);
            // The template is closed and checkpointed (no -wal file): a plain copy is a consistent database.
            await using (var c = new SqliteConnection($"Data Source={template}"))
            {
                await c.OpenAsync();
                await using var checkpoint = c.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
                await checkpoint.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            var path = Path.Combine(Path.GetTempPath(), $"evenhand-bench-load-{run}.db");
            DeleteSqlite(path);
            var sw = Stopwatch.StartNew();
            File.Copy(template, path);
            log($"Copied the template ({new FileInfo(path).Length / 1048576.0:N0} MiB) in {sw.Elapsed.TotalSeconds:F1} s: {path}");
            return new LoadDatabase(provider, $"Data Source={path}", path, null, keep);
        }

        var connection = PostgresTemplateConnection();
        var templateName = $"evenhand_bench_load_{volumes}";
        var admin = new NpgsqlConnectionStringBuilder(connection) { Database = "postgres", Pooling = false }.ConnectionString;
        await ExecuteAsync(admin, $"SELECT 1 FROM pg_database WHERE datname = '{templateName}'", async cmd =>
        {
            if (await cmd.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{templateName}\"", cmd.Connection);
                await create.ExecuteNonQueryAsync();
            }
        });
        await EnsureTemplateAsync(provider, new NpgsqlConnectionStringBuilder(connection) { Database = templateName, CommandTimeout = 1800 }.ConnectionString, fullVolumes, users, log);
        NpgsqlConnection.ClearAllPools();
        var name = $"evenhand_bench_load_{run}";
        var copy = Stopwatch.StartNew();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", c => c.ExecuteNonQueryAsync());
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"", c => c.ExecuteNonQueryAsync(), timeoutSeconds: 1800);
        log($"Copied the template database in {copy.Elapsed.TotalSeconds:F1} s: {name}");
        var runConnection = new NpgsqlConnectionStringBuilder(connection) { Database = name, MaxPoolSize = poolSize }.ConnectionString;
        return new LoadDatabase(provider, runConnection, name, admin, keep);
    }

    public async ValueTask DisposeAsync()
    {
        if (keep)
        {
            return;
        }

        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqlite(Name);
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(adminConnection!, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", c => c.ExecuteNonQueryAsync());
    }

    /// <summary>The connection string for a role that may create databases: EVENHAND_BENCH_POSTGRES or EVENHAND_TEST_POSTGRES.</summary>
    public static string PostgresTemplateConnection() =>
        Environment.GetEnvironmentVariable("EVENHAND_BENCH_POSTGRES") is { Length: > 0 } b ? b
        : Environment.GetEnvironmentVariable("EVENHAND_TEST_POSTGRES") is { Length: > 0 } t ? t
        : throw new InvalidOperationException("Set EVENHAND_BENCH_POSTGRES (or EVENHAND_TEST_POSTGRES) to a PostgreSQL connection string for a role that may create databases.");

    public static string Redact(string connection) => PasswordPattern().Replace(connection, "Password=…");

    private static async Task EnsureTemplateAsync(DatabaseProvider provider, string connection, bool fullVolumes, int users, Action<string> log)
    {
        var sw = Stopwatch.StartNew();
        log($"Template: {provider} {Redact(connection)} (migrations, demo data{(fullVolumes ? ", full volumes" : "")}, {users} load users; built once, then reused)…");
        await using (var app = new TemplateApp(provider, connection))
        {
            using var scope = app.Services.CreateScope();
            if (fullVolumes)
            {
                await PageVolumes.EnsureAsync(app.Services, m => log(m));
            }

            await LoadUsers.EnsureAsync(scope.ServiceProvider, users, log);
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var due = await new HateIncidentDueWork(db, TimeProvider.System).RunAsync();
            if (due.Total > 0)
            {
                log($"  noted {due.Total:N0} items of work fallen due");
            }
        }

        log($"Template ready in {sw.Elapsed.TotalSeconds:F0} s.");
    }

    private static async Task ExecuteAsync(string connection, string sql, Func<NpgsqlCommand, Task> run, int timeoutSeconds = 120)
    {
        await using var conn = new NpgsqlConnection(connection);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = timeoutSeconds };
        await run(cmd);
    }

    private static void DeleteSqlite(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }

        if (Directory.Exists(path + ".import-progress"))
        {
            Directory.Delete(path + ".import-progress", recursive: true);
        }
    }

    [GeneratedRegex("Password=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex PasswordPattern();

    /// <summary>The app in memory, only to run its start-up (migrations, demo data) and reach its services.</summary>
    private sealed class TemplateApp(DatabaseProvider provider, string connection) : WebApplicationFactory<Web.Infrastructure.AccountSignIn>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseBenchmarkApp(provider, connection, LoadUsers.Password);
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.UseSetting("Logging:LogLevel:Microsoft.Hosting.Lifetime", "Warning");
        }
    }
}

/// <summary>
/// The load test's users: one account per virtual user, spread over five forces (the pages benchmark's large force and the
/// four demo forces) and every role, in a fixed pattern so that any number of users gets the same mix.
/// </summary>
internal static class LoadUsers
{
    public const string Password = "Bench-Load-Pass-1";
    public const int Max = 200;

    public static readonly string[] Forces = [PageVolumes.ForceSlug, "cheshire", "cleveland", "hampshire-and-isle-of-wight", "west-midlands"];

    /// <summary>Ten roles, repeated: a fifth force governance, a fifth call takers, a fifth specialists, then one each of the rest.</summary>
    private static readonly string[] Pattern =
    [
        Roles.ForceGovernance, Roles.CallTaker, Roles.HateCrimeSpecialist, Roles.ForceGovernance, Roles.CallTaker,
        Roles.PccOffice, Roles.HateCrimeSpecialist, Roles.Communications, Roles.Inspectorate, "",
    ];

    public sealed record LoadUser(int Index, string Email, string Role, string? Force);

    public static LoadUser For(int index)
    {
        var role = Pattern[index % Pattern.Length];
        if (role.Length == 0)
        {
            // The tenth slot: an administrator every other round, a force crime registrar otherwise.
            role = index / Pattern.Length % 2 == 0 ? Roles.Administrator : Roles.ForceCrimeRegistrar;
        }

        var force = Roles.National.Contains(role) ? null : Forces[index / Pattern.Length % Forces.Length];
        return new LoadUser(index, $"load{index:000}@bench.evenhand.test", role, force);
    }

    public static async Task EnsureAsync(IServiceProvider services, int count, Action<string> log)
    {
        var users = services.GetRequiredService<UserManager<EvenhandUser>>();
        var db = services.GetRequiredService<EvenhandDbContext>();
        var forces = await db.Forces.ToDictionaryAsync(f => f.Slug, f => f.Id);
        var created = 0;
        for (var i = 0; i < count; i++)
        {
            var u = For(i);
            if (await users.FindByEmailAsync(u.Email) is not null)
            {
                continue;
            }

            var user = new EvenhandUser
            {
                UserName = u.Email, Email = u.Email, EmailConfirmed = true, DisplayName = $"Load user {i} ({Roles.Describe(u.Role)})",
                ForceId = u.Force is null ? null : forces[u.Force],
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, u.Role));
            created++;
        }

        if (created > 0)
        {
            log($"  created {created} load users");
        }

        static void Check(IdentityResult r)
        {
            if (!r.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", r.Errors.Select(e => e.Description)));
            }
        }
    }
}
