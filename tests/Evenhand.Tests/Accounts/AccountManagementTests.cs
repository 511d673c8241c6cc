using System.Net;
using Evenhand.Accounts;
using Evenhand.Tests.Infrastructure;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Accounts;

/// <summary>Issue 15 point 8: one-time passwords, change password, reset, disable and enable, role and force; each audited.</summary>
[Collection(AppCollection.Name)]
public sealed class AccountManagementTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string NewPassword = "My-Own-Password-42";

    private static string UniqueEmail(string who) => $"{who}.{Guid.NewGuid():N}@kent.example";

    /// <summary>Creates a user through the admin page; returns the one-time password shown.</summary>
    private static async Task<string> CreateAsync(PageClient admin, string email, string role = "PccOffice", string? force = "kent")
    {
        var page = await admin.GetPageAsync("/admin/users");
        var created = await PageClient.ParseAsync(await admin.SubmitAsync(page, "handler=Create",
            new() { ["Email"] = email, ["DisplayName"] = "Test person", ["Role"] = role, ["ForceSlug"] = force ?? "" }));
        return created.QuerySelector("#new-password")?.TextContent.Trim()
            ?? throw new InvalidOperationException("No password shown: " + created.QuerySelector(".govuk-error-summary")?.TextContent);
    }

    private static async Task<string> UserIdAsync(EvenhandApp app, string email)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<string>> AuditActionsAsync(EvenhandApp app, string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == "User" && a.EntityId == userId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync();
    }

    private static async Task ChangePasswordAsync(PageClient client, string current, string next)
    {
        var page = await client.GetPageAsync("/account/change-password");
        var response = await client.SubmitAsync(page, "/account/change-password",
            new() { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = next });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OneTimePassword_MustBeChangedBeforeAnythingElse_ThenTheUserWorksNormally(string provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("first");
        var oneTime = await CreateAsync(admin, email);

        using var user = app.Client();
        await user.SignInAsync(email, oneTime);
        var page = await user.GetAsync("/forces/kent/responses");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/change-password?returnUrl=%2Fforces%2Fkent%2Fresponses", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync("/api/v1/forces/kent/recommendations")).StatusCode);
        var form = await user.GetPageAsync("/account/change-password?returnUrl=%2Fforces%2Fkent%2Fresponses");
        Assert.NotNull(form.QuerySelector("#change-required"));

        var changed = await user.SubmitAsync(form, "/account/change-password",
            new() { ["CurrentPassword"] = oneTime, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        Assert.Equal("/forces/kent/responses", changed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/forces/kent/responses")).StatusCode);

        using var again = app.Client();
        await again.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/forces/kent/responses")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False((await db.Users.SingleAsync(u => u.Email == email)).MustChangePassword);
        Assert.Equal(["Created", "PasswordChanged"], await AuditActionsAsync(app, await UserIdAsync(app, email)));
    }

    [SkippableFact]
    public async Task DemoUsers_AreNotAskedToChangeTheirPassword()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.OK, (await pcc.GetAsync("/forces/cheshire/responses")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.Email!.EndsWith("@demo.evenhand.test") && u.MustChangePassword));
    }

    [SkippableFact]
    public async Task ChangePassword_WrongCurrentOrMismatchOrWeak_ShowsTheReasonBesideTheField()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var user = await app.SignedInAsNewUserAsync(Roles.Communications, "cleveland");
        var page = await user.GetPageAsync("/account/change-password");

        async Task<string> Refused(string current, string next, string confirm, string field)
        {
            var response = await user.SubmitAsync(page, "/account/change-password", new() { ["CurrentPassword"] = current, ["NewPassword"] = next, ["ConfirmPassword"] = confirm });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await PageClient.ParseAsync(response);
            return html.QuerySelector($"#{field}-error")?.TextContent ?? throw new InvalidOperationException($"No error for {field}");
        }

        Assert.Contains("current password is not right", await Refused("Wrong-Password-123", NewPassword, NewPassword, "CurrentPassword"), StringComparison.Ordinal);
        Assert.Contains("same new password twice", await Refused(EvenhandApp.Password, NewPassword, NewPassword + "x", "ConfirmPassword"), StringComparison.Ordinal);
        Assert.Contains("12", await Refused(EvenhandApp.Password, "short", "short", "NewPassword"), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task DuplicateEmail_ShowsOneClearMessage_AndNoStaleSuccessBanner()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("dup");
        await CreateAsync(admin, email);
        var page = await admin.GetPageAsync("/admin/users");

        var refused = await PageClient.ParseAsync(await admin.SubmitAsync(page, "handler=Create",
            new() { ["Email"] = email.ToUpperInvariant(), ["DisplayName"] = "Again", ["Role"] = "PccOffice", ["ForceSlug"] = "kent" }));

        var summary = refused.QuerySelector(".govuk-error-summary")!.TextContent;
        Assert.Contains($"There is already a user with the email address {email.ToUpperInvariant()}", summary, StringComparison.Ordinal);
        Assert.Single(refused.QuerySelectorAll(".govuk-error-summary li"));
        Assert.DoesNotContain("is already taken", refused.Body!.TextContent, StringComparison.Ordinal);
        Assert.Null(refused.QuerySelector(".govuk-panel--confirmation"));
        Assert.Null(refused.QuerySelector(".govuk-notification-banner--success"));
        // The next page after a successful creation shows no leftover banner either.
        var next = await admin.GetPageAsync("/admin/users");
        Assert.DoesNotContain("can now sign in", next.Body!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Disable_EndsTheSessionAtOnce_AndRefusesSignIn_EnableRestores(string provider)
    {
        var app = apps.Get(provider);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("disable");
        var oneTime = await CreateAsync(admin, email);
        using var user = app.Client();
        await user.SignInAsync(email, oneTime);
        await ChangePasswordAsync(user, oneTime, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/forces/kent/responses")).StatusCode);
        var id = await UserIdAsync(app, email);

        var manage = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(manage, "handler=Disable", [])).StatusCode);

        var after = await user.GetAsync("/forces/kent/responses");
        Assert.StartsWith("/account/sign-in", after.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/forces/kent/recommendations")).StatusCode);
        using var retry = app.Client();
        var signInPage = await retry.GetPageAsync("/account/sign-in");
        var refused = await retry.SubmitAsync(signInPage, "/account/sign-in", new() { ["Email"] = email, ["Password"] = NewPassword });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Disabled", (await admin.GetPageAsync($"/admin/users/{id}")).QuerySelector("#status")!.TextContent, StringComparison.Ordinal);

        manage = await admin.GetPageAsync($"/admin/users/{id}");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(manage, "handler=Enable", [])).StatusCode);
        using var back = app.Client();
        await back.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/forces/kent/responses")).StatusCode);
        Assert.Equal(["Created", "PasswordChanged", "Disabled", "Enabled"], await AuditActionsAsync(app, id));
    }

    [SkippableFact]
    public async Task ResetPassword_GivesANewOneTimePassword_EndsSessions_AndMustBeChanged()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("reset");
        var oneTime = await CreateAsync(admin, email);
        using var user = app.Client();
        await user.SignInAsync(email, oneTime);
        await ChangePasswordAsync(user, oneTime, NewPassword);
        var id = await UserIdAsync(app, email);

        var manage = await admin.GetPageAsync($"/admin/users/{id}");
        var reset = await PageClient.ParseAsync(await admin.SubmitAsync(manage, "handler=ResetPassword", []));
        var fresh = reset.QuerySelector("#new-password")!.TextContent.Trim();

        Assert.StartsWith("/account/sign-in", (await user.GetAsync("/forces/kent/responses")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var again = app.Client();
        await again.SignInAsync(email, fresh);
        Assert.StartsWith("/account/change-password", (await again.GetAsync("/")).Headers.Location!.OriginalString, StringComparison.Ordinal);
        var actions = await AuditActionsAsync(app, id);
        Assert.Equal("PasswordReset", actions[^1]);
        await using var db = app.CreateDbContext();
        Assert.DoesNotContain(await db.AuditEntries.Where(a => a.EntityId == id).Select(a => a.After ?? "").ToListAsync(), a => a.Contains(fresh, StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task SetRoleAndForce_AppliesAtOnce_AndIsAudited_ForceRoleWithoutForceRefused()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("role");
        var oneTime = await CreateAsync(admin, email, "PccOffice", "kent");
        using var user = app.Client();
        await user.SignInAsync(email, oneTime);
        await ChangePasswordAsync(user, oneTime, NewPassword);
        var id = await UserIdAsync(app, email);

        var manage = await admin.GetPageAsync($"/admin/users/{id}");
        var refused = await PageClient.ParseAsync(await admin.SubmitAsync(manage, "handler=Role", new() { ["Role"] = "ForceGovernance", ["ForceSlug"] = "" }));
        Assert.Contains("Choose the force", refused.QuerySelector("#ForceSlug-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("ForceGovernance", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlSelectElement>("#Role")!.Value);

        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(manage, "handler=Role", new() { ["Role"] = "ForceGovernance", ["ForceSlug"] = "cleveland" })).StatusCode);

        Assert.StartsWith("/account/sign-in", (await user.GetAsync("/forces/kent/responses")).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        using var again = app.Client();
        await again.SignInAsync(email, NewPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync("/forces/kent/recommendations")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/forces/cleveland/governance/policies")).StatusCode);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.Where(a => a.EntityId == id && a.Action == "RoleChanged").SingleAsync();
        Assert.Contains("PccOffice", audit.Before, StringComparison.Ordinal);
        Assert.Contains("kent", audit.Before, StringComparison.Ordinal);
        Assert.Contains("cleveland", audit.After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Administrator_CannotDisableThemselves()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var demoAdmin = await app.SignedInAsync("admin@demo.evenhand.test");
        var email = UniqueEmail("admin");
        var oneTime = await CreateAsync(demoAdmin, email, "Administrator", null);
        using var admin = app.Client();
        await admin.SignInAsync(email, oneTime);
        await ChangePasswordAsync(admin, oneTime, NewPassword);
        var id = await UserIdAsync(app, email);

        var page = await admin.GetPageAsync($"/admin/users/{id}");
        var response = await admin.SubmitAsync(page, "handler=Disable", []);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("cannot disable your own account", (await PageClient.ParseAsync(response)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
    }
}
