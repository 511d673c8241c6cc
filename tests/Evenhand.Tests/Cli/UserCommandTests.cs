using Evenhand.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Cli;

public sealed class UserCommandTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task AddUser_BadRole_ExitsWithTwoAndListsTheValidRoles()
    {
        var run = await CliHarness.RunAsync(_db.With("users", "add", "--email", "a@example.org", "--name", "A", "--role", "Superuser"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'Superuser' is not a role", run.Error, StringComparison.Ordinal);
        Assert.All(Roles.All, r => Assert.Contains(r, run.Error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddUser_ForceRoleWithoutForce_IsAUsageError()
    {
        var run = await CliHarness.RunAsync(_db.With("users", "add", "--email", "a@example.org", "--name", "A", "--role", "PccOffice"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--force", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_NationalRoleWithForce_IsAUsageError()
    {
        var run = await CliHarness.RunAsync(_db.With(
            "users", "add", "--email", "a@example.org", "--name", "A", "--role", "Inspectorate", "--force", "cheshire"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("leave out --force", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_UnknownForce_IsAUsageError()
    {
        var run = await CliHarness.RunAsync(_db.With(
            "users", "add", "--email", "a@example.org", "--name", "A", "--role", "PccOffice", "--force", "atlantis"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'atlantis' is not one of the 43", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_WithoutPassword_GeneratesOneThatSignsIn()
    {
        var run = await CliHarness.RunAsync(_db.With(
            "users", "add", "--email", "pcc@example.org", "--name", "PCC staff", "--role", "pcc-office", "--force", "cheshire", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var password = run.Json().GetProperty("generatedPassword").GetString()!;
        Assert.True(password.Length >= 12);
        Assert.Equal("PccOffice", run.Json().GetProperty("role").GetString());

        await using var db = _db.Open();
        var user = await db.Users.Include(u => u.Force).SingleAsync();
        Assert.Equal("cheshire", user.Force!.Slug);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<EvenhandUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
        var role = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).SingleAsync();
        Assert.Equal(Roles.PccOffice, role);
        Assert.Equal(Roles.All.Count, await db.Roles.CountAsync());
    }

    [Fact]
    public async Task AddUser_Human_ShowsTheGeneratedPasswordOnce()
    {
        var run = await CliHarness.RunAsync(_db.With("users", "add", "--email", "admin@example.org", "--name", "Admin", "--role", "Administrator"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Password: ", run.Out, StringComparison.Ordinal);
        Assert.Contains("shown only once", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddUser_WeakPassword_IsRefusedWithIdentitysReasons()
    {
        var run = await CliHarness.RunAsync(_db.With(
            "users", "add", "--email", "a@example.org", "--name", "A", "--role", "Administrator", "--password", "short"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("12", run.Error, StringComparison.Ordinal);
        await using var db = _db.Open();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task AddUser_SameEmailTwice_IsRefused()
    {
        string[] add = ["users", "add", "--email", "a@example.org", "--name", "A", "--role", "Inspectorate", "--password", "CorrectHorse42Battery"];
        Assert.Equal(0, (await CliHarness.RunAsync(_db.With(add))).ExitCode);

        var run = await CliHarness.RunAsync(_db.With(add));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("already a user", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListUsers_Json_ShowsRoleAndForce()
    {
        await CliHarness.RunAsync(_db.With(
            "users", "add", "--email", "comms@example.org", "--name", "Comms", "--role", "Communications", "--force", "cleveland", "--password", "CorrectHorse42Battery"));

        var run = await CliHarness.RunAsync(_db.With("users", "list", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var user = Assert.Single(run.Json().EnumerateArray());
        Assert.Equal("comms@example.org", user.GetProperty("email").GetString());
        Assert.Equal("cleveland", user.GetProperty("force").GetString());
        Assert.Equal([Roles.Communications], user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    private async Task<string> AddAsync(string email = "pcc@example.org", string role = "PccOffice", string? force = "cheshire")
    {
        string[] args = ["users", "add", "--email", email, "--name", "Person", "--role", role, "--password", "CorrectHorse42Battery"];
        var run = await CliHarness.RunAsync(_db.With(force is null ? args : [.. args, "--force", force]));
        Assert.True(run.ExitCode == 0, run.ToString());
        await using var db = _db.Open();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<List<string>> AuditAsync(string userId)
    {
        await using var db = _db.Open();
        return await db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    [Fact]
    public async Task AddAndDisable_AreAuditedAtTheInjectedClocksTime_NotTheMachinesTime()
    {
        var at = new DateTimeOffset(2026, 12, 2, 14, 30, 0, TimeSpan.Zero);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(at);
        var run = await CliHarness.RunAtAsync(time, _db.With("users", "add", "--email", "clock@example.org", "--name", "C", "--role", "Inspectorate", "--password", "CorrectHorse42Battery"));
        Assert.True(run.ExitCode == 0, run.ToString());
        time.Advance(TimeSpan.FromHours(1));
        run = await CliHarness.RunAtAsync(time, _db.With("users", "disable", "--email", "clock@example.org"));
        Assert.True(run.ExitCode == 0, run.ToString());

        await using var db = _db.Open();
        var id = await db.Users.Where(u => u.Email == "clock@example.org").Select(u => u.Id).SingleAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([at, at.AddHours(1)], entries.Select(e => e.At.ToUniversalTime()));
    }

    [Fact]
    public async Task AddUser_GeneratedPassword_MustBeChanged_GivenPasswordNeedNot_BothAudited()
    {
        var run = await CliHarness.RunAsync(_db.With("users", "add", "--email", "gen@example.org", "--name", "G", "--role", "Inspectorate", "--json"));
        Assert.True(run.ExitCode == 0, run.ToString());
        var given = await AddAsync("given@example.org");

        await using var db = _db.Open();
        Assert.True((await db.Users.SingleAsync(u => u.Email == "gen@example.org")).MustChangePassword);
        Assert.False((await db.Users.SingleAsync(u => u.Id == given)).MustChangePassword);
        Assert.Equal(["Created"], await AuditAsync(given));
    }

    [Fact]
    public async Task Disable_ThenEnable_ChangesTheFlagAndTheStamp_AndIsAudited()
    {
        var id = await AddAsync();
        await using (var db = _db.Open())
        {
            var stamp = (await db.Users.SingleAsync(u => u.Id == id)).SecurityStamp;
            var run = await CliHarness.RunAsync(_db.With("users", "disable", "--email", "pcc@example.org"));
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("Disabled", run.Out, StringComparison.Ordinal);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == id);
            Assert.True(user.IsDisabled);
            Assert.NotEqual(stamp, user.SecurityStamp);
        }

        var list = await CliHarness.RunAsync(_db.With("users", "list", "--json"));
        Assert.True(Assert.Single(list.Json().EnumerateArray()).GetProperty("disabled").GetBoolean());

        var again = await CliHarness.RunAsync(_db.With("users", "disable", "--email", "pcc@example.org"));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already disabled", again.Error, StringComparison.Ordinal);

        var enable = await CliHarness.RunAsync(_db.With("users", "enable", "--email", "pcc@example.org", "--json"));
        Assert.True(enable.ExitCode == 0, enable.ToString());
        Assert.False(enable.Json().GetProperty("disabled").GetBoolean());
        Assert.Equal(["Created", "Disabled", "Enabled"], await AuditAsync(id));
    }

    [Fact]
    public async Task ResetPassword_GivesAOneTimePasswordThatMustBeChanged_AndIsAuditedWithoutIt()
    {
        var id = await AddAsync();

        var run = await CliHarness.RunAsync(_db.With("users", "reset-password", "--email", "pcc@example.org", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        var password = run.Json().GetProperty("oneTimePassword").GetString()!;
        Assert.True(run.Json().GetProperty("mustChangePassword").GetBoolean());
        await using var db = _db.Open();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<EvenhandUser>().VerifyHashedPassword(user, user.PasswordHash!, password));
        Assert.Equal(PasswordVerificationResult.Failed, new PasswordHasher<EvenhandUser>().VerifyHashedPassword(user, user.PasswordHash!, "CorrectHorse42Battery"));
        Assert.Equal(["Created", "PasswordReset"], await AuditAsync(id));
        Assert.DoesNotContain(await db.AuditEntries.Select(a => a.After ?? "").ToListAsync(), a => a.Contains(password, StringComparison.Ordinal));

        var human = await CliHarness.RunAsync(_db.With("users", "reset-password", "--email", "pcc@example.org"));
        Assert.Contains("shown only once", human.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetRole_ReplacesTheRoleAndForce_AndIsAudited()
    {
        var id = await AddAsync();

        var run = await CliHarness.RunAsync(_db.With("users", "set-role", "--email", "pcc@example.org", "--role", "force-governance", "--force", "cleveland", "--json"));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("ForceGovernance", run.Json().GetProperty("role").GetString());
        Assert.Equal("cleveland", run.Json().GetProperty("force").GetString());
        await using var db = _db.Open();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == id select r.Name).ToListAsync();
        Assert.Equal([Roles.ForceGovernance], roles);
        Assert.Equal(["Created", "RoleChanged"], await AuditAsync(id));

        var national = await CliHarness.RunAsync(_db.With("users", "set-role", "--email", "pcc@example.org", "--role", "Inspectorate"));
        Assert.True(national.ExitCode == 0, national.ToString());
        Assert.Null((await db.Users.AsNoTracking().SingleAsync(u => u.Id == id)).ForceId);
    }

    [Fact]
    public async Task SetRole_ForceRoleWithoutForce_Or_UnknownUser_IsRefusedWithTheReason()
    {
        await AddAsync();

        var noForce = await CliHarness.RunAsync(_db.With("users", "set-role", "--email", "pcc@example.org", "--role", "CallTaker"));
        Assert.Equal(1, noForce.ExitCode);
        Assert.Contains("Choose the force", noForce.Error, StringComparison.Ordinal);

        var unknownForce = await CliHarness.RunAsync(_db.With("users", "set-role", "--email", "pcc@example.org", "--role", "CallTaker", "--force", "atlantis"));
        Assert.Equal(2, unknownForce.ExitCode);

        var nobody = await CliHarness.RunAsync(_db.With("users", "disable", "--email", "nobody@example.org"));
        Assert.Equal(1, nobody.ExitCode);
        Assert.Contains("There is no user", nobody.Error, StringComparison.Ordinal);
    }
}
