using System.CommandLine;
using Evenhand.Accounts;
using Evenhand.Cli.Infrastructure;
using Evenhand.Cli.Parsing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Importing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Evenhand.Cli.Accounts;

/// <summary>
/// <c>evenhand users add|list|disable|enable|reset-password|set-role</c>: accounts for the web app, through ASP.NET Core
/// Identity with the web app's rules; changes go through <see cref="UserAdministration"/>, so each is audited as on the web.
/// </summary>
internal static class UserCommands
{
    public static Command Build() => new("users", "Manage the people who can sign in.")
    {
        Subcommands = { Add(), List(), Disable(), Enable(), ResetPassword(), SetRole() },
    };

    private static Command Add()
    {
        var email = new Option<string>("--email") { Description = "Email address (also the sign-in name)", Required = true };
        var name = new Option<string>("--name") { Description = "Name shown in the app and the audit trail", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true, HelpName = "role" };
        var force = new Option<string?>("--force") { Description = "The user's force (slug), required for force roles", HelpName = "slug" };
        var password = new Option<string?>("--password")
        {
            Description = "Initial password, at least 12 characters with upper and lower case letters and a digit [default: generated and shown once]",
        };
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var command = new Command("add", "Create a user with one role.") { email, name, role, force, password, json };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            var roleName = ResolveRole(pr.GetValue(role)!);
            var forceSlug = pr.GetValue(force)?.Trim();
            var isNational = Roles.National.Contains(roleName);
            if (isNational && !string.IsNullOrEmpty(forceSlug))
            {
                throw CliException.Usage($"{Roles.Describe(roleName)} users see every force: leave out --force.");
            }

            if (!isNational && string.IsNullOrEmpty(forceSlug))
            {
                throw CliException.Usage($"{Roles.Describe(roleName)} users belong to one force: pass --force with its slug, for example --force west-midlands.");
            }

            if (forceSlug is { Length: > 0 } && !ForceCatalogue.All.Any(f => f.Slug == forceSlug))
            {
                throw CliException.Usage(DocumentImportService.UnknownForceMessage(forceSlug));
            }

            var emailAddress = pr.GetValue(email)!.Trim();
            var displayName = pr.GetValue(name)!.Trim();
            if (displayName.Length == 0)
            {
                throw CliException.Usage("--name must not be blank.");
            }

            var given = pr.GetValue(password);
            var generated = string.IsNullOrEmpty(given);
            var secret = generated ? PasswordRules.Generate() : given!;

            await using var services = await IdentityServices.BuildAsync(pr, database, ct);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<EvenhandDbContext>();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EvenhandUser>>();
            var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

            var forceRecord = forceSlug is { Length: > 0 } ? await db.Forces.SingleAsync(f => f.Slug == forceSlug, ct) : null;
            if (await users.FindByEmailAsync(emailAddress) is not null)
            {
                throw new CliException($"There is already a user with the email address {emailAddress}.");
            }

            foreach (var r in Roles.All)
            {
                if (!await roles.RoleExistsAsync(r))
                {
                    Check(await roles.CreateAsync(new IdentityRole(r)), "create the role " + r);
                }
            }

            var user = await db.InTransactionAsync(async ct =>
            {
                var created = new EvenhandUser
                {
                    UserName = emailAddress,
                    Email = emailAddress,
                    EmailConfirmed = true,
                    DisplayName = displayName,
                    ForceId = forceRecord?.Id,
                    // A generated password is known to whoever ran the command: the user must choose their own at first sign-in.
                    MustChangePassword = generated,
                };
                Check(await users.CreateAsync(created, secret), "create the user", ExitCodes.Usage);
                Check(await users.AddToRoleAsync(created, roleName), "give the user their role");
                Evenhand.Auditing.AuditLog.Record(db, Context("users add"), "Created", "User", created.Id, forceRecord?.Id, null,
                    new { created.Email, created.DisplayName, Role = roleName, ForceSlug = forceSlug });
                await db.SaveChangesAsync(ct);
                return created;
            }, ct);

            if (pr.GetValue(json))
            {
                CliJson.Write(console, new AddedUserJson(user.Id, emailAddress, displayName, roleName, forceSlug, generated ? secret : null));
                return ExitCodes.Success;
            }

            console.Out.MarkupLineInterpolated(
                $"[green]Created[/] {displayName} <{emailAddress}>: {Roles.Describe(roleName)}{(forceRecord is null ? "" : ", " + forceRecord.Name)}.");
            if (generated)
            {
                console.Out.MarkupLineInterpolated($"Password: [bold]{secret}[/]");
                console.Out.MarkupLine("[yellow]This password is shown only once. Give it to the user securely; they should change it when they first sign in.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var command = new Command("list", "List users, their roles and forces.") { json };
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            await using var db = await database.OpenAsync(pr, ct);
            var users = await db.Users.AsNoTracking().Include(u => u.Force).OrderBy(u => u.Email).ToListAsync(ct);
            var roleNames = await (from ur in db.UserRoles
                                   join r in db.Roles on ur.RoleId equals r.Id
                                   select new { ur.UserId, r.Name }).ToListAsync(ct);
            var rows = users.Select(u => new UserJson(
                u.Id, u.Email ?? u.UserName ?? "", u.DisplayName,
                roleNames.Where(r => r.UserId == u.Id).Select(r => r.Name ?? "").Order().ToList(),
                u.Force?.Slug, u.LockoutEnd is { } end && end > DateTimeOffset.UtcNow, u.IsDisabled)).ToList();

            if (pr.GetValue(json))
            {
                CliJson.Write(console, rows);
                return ExitCodes.Success;
            }

            if (rows.Count == 0)
            {
                console.Out.MarkupLine("No users yet. Add one with [bold]evenhand users add[/].");
                return ExitCodes.Success;
            }

            var table = new Table().Border(TableBorder.Rounded).AddColumn("Email").AddColumn("Name").AddColumn("Role").AddColumn("Force");
            foreach (var u in rows)
            {
                table.AddRow(
                    Markup.Escape(u.Email) + (u.LockedOut ? " [red](locked out)[/]" : "") + (u.Disabled ? " [grey](disabled)[/]" : ""),
                    Markup.Escape(u.Name),
                    Markup.Escape(string.Join(", ", u.Roles.Select(Roles.Describe))),
                    Markup.Escape(u.Force ?? "all forces"));
            }

            console.Out.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Disable() => Change("disable", "Disable a user: they cannot sign in, and their sessions end at once.",
        async (admin, user, _, ctx, ct) => { await admin.DisableAsync(user.Id, ctx, ct); return ("Disabled", null); });

    private static Command Enable() => Change("enable", "Enable a disabled user again.",
        async (admin, user, _, ctx, ct) => { await admin.EnableAsync(user.Id, ctx, ct); return ("Enabled", null); });

    private static Command ResetPassword() => Change(
        "reset-password", "Give a user a new one-time password (shown once; they must change it when they sign in) and end their sessions.",
        async (admin, user, _, ctx, ct) => ("Password reset", await admin.ResetPasswordAsync(user.Id, ctx, ct)));

    private static Command SetRole()
    {
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", Roles.All)}", Required = true, HelpName = "role" };
        var force = new Option<string?>("--force") { Description = "The user's force (slug), required for force roles", HelpName = "slug" };
        return Change("set-role", "Give a user one role (replacing theirs) and the force it needs; their sessions end.",
            async (admin, user, pr, ctx, ct) =>
            {
                var forceSlug = pr.GetValue(force)?.Trim();
                if (forceSlug is { Length: > 0 } && !ForceCatalogue.All.Any(f => f.Slug == forceSlug))
                {
                    throw CliException.Usage(DocumentImportService.UnknownForceMessage(forceSlug));
                }

                await admin.SetRoleAsync(user.Id, ResolveRole(pr.GetValue(role)!), forceSlug, ctx, ct);
                return ("Role changed", null);
            },
            role, force);
    }

    /// <summary>One change to one user, named by <c>--email</c>; a refusal exits with 1 and the reason.</summary>
    private static Command Change(
        string name, string description,
        Func<UserAdministration, EvenhandUser, ParseResult, ProcessContext, CancellationToken, Task<(string Outcome, string? Password)>> act,
        params Option[] extra)
    {
        var email = new Option<string>("--email") { Description = "The user's email address (or id)", Required = true };
        var json = ParseCommands.JsonOption();
        var database = new DatabaseOptions();
        var command = new Command(name, description) { email };
        foreach (var option in extra)
        {
            command.Options.Add(option);
        }

        command.Options.Add(json);
        database.AddTo(command);
        command.SetHandler(async (pr, console, ct) =>
        {
            await using var services = await IdentityServices.BuildAsync(pr, database, ct);
            await using var scope = services.CreateAsyncScope();
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            string id;
            (string Outcome, string? Password) result;
            try
            {
                var user = await admin.FindAsync(pr.GetValue(email)!);
                id = user.Id;
                result = await act(admin, user, pr, Context("users " + name), ct);
            }
            catch (Exception e) when (e is NotFoundException or DomainRuleException)
            {
                throw new CliException(e.Message);
            }

            var summary = (await admin.SummaryAsync(id, ct))!;
            if (pr.GetValue(json))
            {
                CliJson.Write(console, new ChangedUserJson(summary.Id, summary.Email, summary.RoleName, summary.ForceSlug, summary.Disabled, summary.MustChangePassword, result.Password));
                return ExitCodes.Success;
            }

            console.Out.MarkupLineInterpolated(
                $"[green]{result.Outcome}[/]: {summary.DisplayName} <{summary.Email}>, {summary.Role}{(summary.Force is null ? "" : ", " + summary.Force)}{(summary.Disabled ? " (disabled)" : "")}.");
            if (result.Password is not null)
            {
                console.Out.MarkupLineInterpolated($"One-time password: [bold]{result.Password}[/]");
                console.Out.MarkupLine("[yellow]This password is shown only once. Give it to the user securely; they must change it when they next sign in.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static ProcessContext Context(string command) =>
        new("cli", Environment.UserName is { Length: > 0 } u ? $"{u} (command line)" : "command line", DateTimeOffset.UtcNow, "evenhand " + command);

    /// <summary>Accepts a role as stored ("PccOffice") or as people write it ("pcc-office", "PCC office").</summary>
    internal static string ResolveRole(string value)
    {
        static string Key(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
        var key = Key(value);
        return Roles.All.FirstOrDefault(r => Key(r) == key || Key(Roles.Describe(r)) == key)
            ?? throw CliException.Usage($"'{value}' is not a role. Valid roles: {string.Join(", ", Roles.All)}.");
    }

    private static void Check(IdentityResult result, string what, int exitCode = ExitCodes.Failure)
    {
        if (!result.Succeeded)
        {
            throw new CliException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}", exitCode);
        }
    }
}

/// <summary>Identity's user and role managers over the Evenhand database, configured with the web app's password rules.</summary>
internal static class IdentityServices
{
    public static async Task<ServiceProvider> BuildAsync(ParseResult pr, DatabaseOptions database, CancellationToken ct)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDbContext<EvenhandDbContext>(o => database.Configure(o, pr));
        services.AddIdentityCore<EvenhandUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                PasswordRules.Apply(o.Password);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<EvenhandDbContext>();
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserAdministration>();
        var provider = services.BuildServiceProvider();
        try
        {
            await using var scope = provider.CreateAsyncScope();
            await DatabaseInitializer.InitialiseAsync(scope.ServiceProvider.GetRequiredService<EvenhandDbContext>(), ct);
            return provider;
        }
        catch
        {
            await provider.DisposeAsync();
            throw;
        }
    }
}

internal sealed record AddedUserJson(string Id, string Email, string Name, string Role, string? Force, string? GeneratedPassword);

internal sealed record ChangedUserJson(string Id, string Email, string? Role, string? Force, bool Disabled, bool MustChangePassword, string? OneTimePassword);

internal sealed record UserJson(string Id, string Email, string Name, IReadOnlyList<string> Roles, string? Force, bool LockedOut, bool Disabled);
