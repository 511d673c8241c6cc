using System.Net;
using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Governance;
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
    public async Task PersonalDataForm_WithADateOfBirthThatIsNotADate_SavesNothing_AndSaysWhy(string provider)
    {
        var app = apps.Get(provider);
        var incident = await TestData.CreateIncidentAsync(app, "durham");
        using var specialist = await app.SignedInAsNewUserAsync(Roles.HateCrimeSpecialist, "durham");
        var page = await specialist.GetPageAsync($"/forces/durham/hate-incidents/{incident.Id}/personal-data");

        // Everything else is right: before, the unreadable date was dropped and the person saved without it.
        var refused = await specialist.SubmitFormAsync(page, "personal-data", new()
        {
            ["PersonRole"] = "Complainant", ["Name"] = "Alex Example",
            ["DateOfBirth.Day"] = "31", ["DateOfBirth.Month"] = "2", ["DateOfBirth.Year"] = "1990",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        Assert.Equal(["#DateOfBirth"], shown.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
        Assert.Equal(0, await db.Set<IncidentPerson>().CountAsync(p => p.HateIncidentId == incident.Id));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RegisterForm_TextOverItsLimit_IsRefusedBesideItsField_WithTheOtherErrors(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsNewUserAsync(Roles.ForceGovernance, "durham");
        var page = await governance.GetPageAsync("/forces/durham/governance/political-contacts/new");
        var limit = TextLimit.Of<PoliticalContact>(nameof(PoliticalContact.Response));

        // No date (a rule of the register) and a response one character too long (the column's limit), in one post.
        var refused = await governance.SubmitFormAsync(page, "political-contacts/new", new()
        {
            ["Source"] = "Councillor", ["Channel"] = "Email", ["WhatWasAsked"] = "Asked about the march.", ["Kind"] = "RequestForInformation",
            ["ResponseGiven"] = new string('r', limit + 1),
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        var links = shown.QuerySelectorAll(".govuk-error-summary a").Select(a => (a.GetAttribute("href"), a.TextContent.Trim())).ToList();
        Assert.Contains(links, l => l.Item1 == "#ContactOn");
        Assert.Contains(("#ResponseGiven", $"Response must be {limit:N0} characters or fewer (this is {limit + 1:N0})."), links);
        Assert.NotNull(shown.QuerySelector("#ResponseGiven-error"));
        Assert.Equal(limit.ToString(System.Globalization.CultureInfo.InvariantCulture), shown.QuerySelector("#ResponseGiven")!.GetAttribute("maxlength"));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task HatePolicyForm_DifferencesWithoutRationales_AreRefusedBesideEachField_InTheFormsOrder_AndNothingChanges(string provider)
    {
        var app = apps.Get(provider);
        using var registrar = await app.SignedInAsNewUserAsync(Roles.ForceCrimeRegistrar, "durham");
        async Task<ForceHatePolicy> PolicyAsync()
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Evenhand.Data.EvenhandDbContext>();
            return await scope.ServiceProvider.GetRequiredService<HatePolicyService>().GetAsync((await db.Forces.SingleAsync(f => f.Slug == "durham")).Id);
        }

        var before = await PolicyAsync();
        var page = await registrar.GetPageAsync("/forces/durham/hate-incidents/policy");

        // Three departures from the Code without a rationale, and one characteristic name that cannot be used.
        var refused = await registrar.SubmitFormAsync(page, "/policy", new()
        {
            ["AdditionalCharacteristics"] = "alternative subculture, no!good", ["RetentionReviewMonths"] = "24", ["TellSubject"] = null,
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var shown = await PageClient.ParseAsync(refused);
        var links = shown.QuerySelectorAll(".govuk-error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["#AdditionalCharacteristics", "#AdditionalCharacteristicsRationale", "#RetentionRationale", "#TellSubjectRationale"], links);
        Assert.Contains("'no!good' is not a usable characteristic name", shown.QuerySelector("#AdditionalCharacteristics-error")!.TextContent, StringComparison.Ordinal);
        foreach (var rationale in new[] { "AdditionalCharacteristicsRationale", "RetentionRationale", "TellSubjectRationale" })
        {
            Assert.Contains("Give the rationale for", shown.QuerySelector($"#{rationale}-error")!.TextContent, StringComparison.Ordinal);
            Assert.Equal($"{rationale}-error", shown.QuerySelector($"textarea#{rationale}")!.GetAttribute("aria-describedby"));
        }

        // What was typed comes back, and the policy is as it was.
        Assert.Equal("alternative subculture, no!good", shown.QuerySelector("#AdditionalCharacteristics")!.GetAttribute("value"));
        var after = await PolicyAsync();
        Assert.Equal(before.RetentionReviewMonths, after.RetentionReviewMonths);
        Assert.Equal(before.TellSubject, after.TellSubject);
        Assert.Equal(before.AdditionalCharacteristics, after.AdditionalCharacteristics);
        Assert.Equal(before.UpdatedAt, after.UpdatedAt);
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
