using System.Net;
using Evenhand.Accounts;
using Evenhand.HateIncidents;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Evenhand.Tests.Web;

/// <summary>
/// Forms whose rules moved from the page model to the domain (issue 14): sent with nothing filled in, every refusal the domain
/// holds comes back in the first round, in the form's field order, each linked from the error summary to its field, and
/// nothing is stored.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FirstRoundErrorsTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task PersonalDataForm_SentEmpty_ListsWhoseDetailsThenName_LinkedToEachField(string provider)
    {
        var app = apps.Get(provider);
        var incident = await TestData.CreateIncidentAsync(app, "durham");
        using var specialist = await app.SignedInAsNewUserAsync(Roles.HateCrimeSpecialist, "durham");
        var url = $"/forces/durham/hate-incidents/{incident.Id}/personal-data";
        var page = await specialist.GetPageAsync(url);

        var refused = await specialist.SubmitFormAsync(page, "personal-data", new() { ["Name"] = "   " });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        var links = shown.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal(
            [("#PersonRole", "Select whose details these are."), ("#Name", "Enter the person's name.")],
            links);
        Assert.NotNull(shown.QuerySelector("#PersonRole-error"));
        Assert.NotNull(shown.QuerySelector("#Name-error"));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
        Assert.Equal(0, await db.Set<IncidentPerson>().CountAsync(p => p.HateIncidentId == incident.Id));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RemindersForm_SentWithNothingChosen_SaysChooseHow_AgainstTheQuestion(string provider)
    {
        var app = apps.Get(provider);
        using var user = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "durham");
        var page = await user.GetPageAsync("/account/reminders");

        var refused = await user.SubmitFormAsync(page, "handler=Preference", new() { ["Preference"] = null });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        var links = shown.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Equal([("#Preference", "Choose how you want to be reminded")], links);
    }
}
