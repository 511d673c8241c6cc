using System.Net;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

/// <summary>Bad input on the registers whose other page tests cover the happy path: each says why, and nothing is stored.</summary>
[Collection(AppCollection.Name)]
public sealed class RegisterValidationPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private const string Slug = "cheshire";

    private async Task<(HttpResponseMessage Response, string Html)> PostAsync(EvenhandApp app, string register, Dictionary<string, string?> fields)
    {
        using var governance = await app.SignedInAsync($"governance.{Slug}@demo.evenhand.test");
        var response = await governance.SubmitAsync(await governance.GetPageAsync($"/forces/{Slug}/governance/{register}/new"), "/new", fields);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Event_EndingBeforeItStarts_OrVoluntaryOnDuty_IsRefused(string provider)
    {
        var app = apps.Get(provider);
        var name = "Bad event " + Guid.NewGuid().ToString("N")[..6];
        var (response, html) = await PostAsync(app, "events", new()
        {
            ["Name"] = name, ["Category"] = "Protest", ["StartsOn.Day"] = "5", ["StartsOn.Month"] = "3", ["StartsOn.Year"] = "2025",
            ["EndsOn.Day"] = "4", ["EndsOn.Month"] = "3", ["EndsOn.Year"] = "2025", ["Attendance"] = "VoluntaryPersonalAttendance", ["Reasons"] = "Personal choice",
            ["OnDuty"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The last day must be on or after the first", html, StringComparison.Ordinal);
        Assert.Contains("Voluntary personal attendance is off duty", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.PolicedEvents.AnyAsync(e => e.Name == name));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Issue_ClosedWithoutAPosition_OrWithMissingFields_IsRefused(string provider)
    {
        var app = apps.Get(provider);
        var name = "Bad issue " + Guid.NewGuid().ToString("N")[..6];
        var (missing, missingHtml) = await PostAsync(app, "horizon-scan", new() { ["Issue"] = name, ["Status"] = "Open" });
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Choose the level of risk", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Write the risk assessment", missingHtml, StringComparison.Ordinal);

        var (closed, closedHtml) = await PostAsync(app, "horizon-scan", new()
        {
            ["Issue"] = name, ["FirstSeenOn.Day"] = "1", ["FirstSeenOn.Month"] = "1", ["FirstSeenOn.Year"] = "2025", ["Risk"] = "Low", ["RiskAssessment"] = "Low tension",
            ["AgreedPosition"] = "", ["CommunicationLines"] = "", ["Status"] = "Closed",
        });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Contains("Record the position the force took before closing the issue", closedHtml, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.ContentiousIssues.AnyAsync(i => i.Issue == name));
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Contact_InTheFuture_OrEscalatedToNoOne_IsRefused(string provider)
    {
        var app = apps.Get(provider);
        var asked = "Bad contact " + Guid.NewGuid().ToString("N")[..6];
        var next = TestClock.Today.AddDays(3);
        var (response, html) = await PostAsync(app, "political-contacts", new()
        {
            ["ContactOn.Day"] = next.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContactOn.Month"] = next.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContactOn.Year"] = next.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Source"] = "Councillor", ["Channel"] = "Email", ["WhatWasAsked"] = asked, ["Kind"] = "RequestForInformation", ["Escalated"] = "true", ["EscalatedTo"] = "",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Say who it was escalated to", html, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.False(await db.PoliticalContacts.AnyAsync(c => c.WhatWasAsked == asked));
    }
}
