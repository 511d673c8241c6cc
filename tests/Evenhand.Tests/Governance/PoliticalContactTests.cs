using System.Net;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

public sealed class PoliticalContactTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Create_EscalatedWithoutSayingToWhom_OrInTheFuture_IsRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => PoliticalContact.Create(1,
            new ContactDetails(Today.AddDays(1), ContactSource.PccOffice, null, ContactChannel.Email, "Don't police the march", ContactKind.AttemptToDirectInAdvance, null, true, " "), Today));

        Assert.Contains("cannot be in the future", e.Message, StringComparison.Ordinal);
        Assert.Contains("who it was escalated to", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NotEscalated_DropsTheEscalationTarget()
    {
        var c = PoliticalContact.Create(1, new ContactDetails(Today, ContactSource.Councillor, "Cllr A", ContactChannel.Phone, "Crime figures", ContactKind.RequestForInformation, null, true, "DCC"), Today);
        var changes = c.Apply(new ContactDetails(Today, ContactSource.Councillor, "Cllr A", ContactChannel.Phone, "Crime figures", ContactKind.RequestForInformation, null, false, "DCC"), Today);

        Assert.Equal(["Escalated: yes → no", "Escalated to: DCC → (none)"], changes);
        Assert.Null(c.EscalatedTo);
    }
}

[Collection(AppCollection.Name)]
public sealed class PoliticalContactPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task LoggingAnAttemptToDirect_CountsInTheMonthlyReport_AndStaysInItsForce(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        var today = TestClock.Today;
        var report = await governance.GetPageAsync("/forces/cleveland/governance/political-contacts");
        static int Directing(AngleSharp.Html.Dom.IHtmlDocument page)
        {
            var months = page.QuerySelectorAll("#contacts-by-month tbody tr");
            var cells = months[months.Length - 1].QuerySelectorAll("td");
            return int.Parse(cells[cells.Length - 1].TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        var before = Directing(report);
        var asked = "Stop officers attending " + Guid.NewGuid().ToString("N")[..6];

        var response = await governance.SubmitAsync(await governance.GetPageAsync("/forces/cleveland/governance/political-contacts/new"), "/new", new()
        {
            ["ContactOn.Day"] = today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContactOn.Month"] = today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ContactOn.Year"] = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Source"] = "MemberOfParliament", ["SourceName"] = "", ["Channel"] = "Letter", ["WhatWasAsked"] = asked,
            ["Kind"] = "AttemptToDirectInAdvance", ["ResponseGiven"] = "", ["EscalatedTo"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        report = await governance.GetPageAsync("/forces/cleveland/governance/political-contacts");
        Assert.Equal(before + 1, Directing(report));
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("not been escalated", (await governance.GetPageAsync($"/forces/cleveland/governance/political-contacts/{id}")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(asked, await governance.Http.GetStringAsync("/forces/cleveland/governance/political-contacts?handler=Csv&Kind=AttemptToDirectInAdvance"), StringComparison.Ordinal);

        using var other = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/forces/cheshire/governance/political-contacts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/forces/cleveland/governance/political-contacts")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == PoliticalContactService.Type && a.EntityId == id.ToString() && a.Action == "Created"));
    }
}
