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
}
