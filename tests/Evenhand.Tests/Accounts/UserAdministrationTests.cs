using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Accounts;

[Collection(AppCollection.Name)]
public sealed class UserAdministrationTests(AppFixture apps)
{
    [SkippableFact]
    public async Task Administrator_AddsAForceUser_WhoCanSignInWithTheOneTimePassword_AndSeesOnlyTheirForce()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var page = await admin.GetPageAsync("/admin/users");

        var created = await admin.SubmitAsync(page, "handler=Create", new() { ["Email"] = "new.pcc@kent.example", ["DisplayName"] = "New PCC officer", ["Role"] = "PccOffice", ["ForceSlug"] = "kent" });
        var result = await PageClient.ParseAsync(created);
        var password = result.QuerySelector("#new-password")!.TextContent.Trim();

        using var user = app.Client();
        await user.SignInAsync("new.pcc@kent.example", password);
        var change = await user.GetPageAsync("/account/change-password");
        await user.SubmitAsync(change, "/account/change-password", new() { ["CurrentPassword"] = password, ["NewPassword"] = "Chosen-By-Them-42", ["ConfirmPassword"] = "Chosen-By-Them-42" });
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/forces/kent/responses")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync("/forces/cheshire/responses")).StatusCode);
        await using var db = app.CreateDbContext();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.After!.Contains("new.pcc@kent.example"));
        Assert.DoesNotContain(password, audit.After, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ForceRoleWithoutAForce_IsRefused_AndNonAdministratorsCannotOpenThePage()
    {
        var app = apps.Get(TestDatabases.Sqlite);
        using var admin = await app.SignedInAsync("admin@demo.evenhand.test");
        var page = await admin.GetPageAsync("/admin/users");
        var refused = await PageClient.ParseAsync(await admin.SubmitAsync(page, "handler=Create", new() { ["Email"] = "x@y.example", ["DisplayName"] = "X", ["Role"] = "ForceGovernance" }));
        Assert.Contains("Choose the force", refused.QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);

        using var pcc = await app.SignedInAsync("pcc.cheshire@demo.evenhand.test");
        var denied = await pcc.GetAsync("/admin/users");
        Assert.StartsWith("/account/access-denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
