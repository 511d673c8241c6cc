using System.Net;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

public sealed class PolicedEventTests
{
    private static readonly DateOnly Ends = new(2025, 6, 1);

    private static EventDetails Details(AttendanceReason attendance = AttendanceReason.PublicSafetyDeployment, bool contentious = true, string? publicText = "Website", string? workforce = "Intranet", bool onDuty = true) =>
        new("Pride parade", EventCategory.CulturalCelebration, Ends, Ends, contentious, attendance, "Keep people safe", publicText, workforce, "Uniform", true, onDuty);

    [Fact]
    public void ReviewOverdue_MoreThan28DaysAfterTheEnd_WithoutAReview()
    {
        var e = PolicedEvent.Create(1, Details());

        Assert.False(e.IsReviewOverdue(Ends.AddDays(28)));
        Assert.True(e.IsReviewOverdue(Ends.AddDays(29)));
        e.RecordReview(new LearningReviewDetails(Ends.AddDays(10), "Event commander", "Calm throughout", null, null), Ends.AddDays(30));
        Assert.False(e.IsReviewOverdue(Ends.AddDays(60)));
    }

    [Theory]
    [InlineData(true, null, "Intranet", true)]
    [InlineData(true, "Website", null, true)]
    [InlineData(true, "Website", "Intranet", false)]
    [InlineData(false, null, null, false)]
    public void ReasonsNotCommunicated_OnlyForContentiousEventsAttended_WithoutBothAudiences(bool contentious, string? publicText, string? workforce, bool flagged)
    {
        Assert.Equal(flagged, PolicedEvent.Create(1, Details(contentious: contentious, publicText: publicText, workforce: workforce)).ReasonsNotCommunicated);
        Assert.False(PolicedEvent.Create(1, Details(AttendanceReason.NotAttending, publicText: null)).ReasonsNotCommunicated);
    }

    [Fact]
    public void Review_BeforeTheEventEnded_OrWithoutAVerdict_IsRefused()
    {
        var e = PolicedEvent.Create(1, Details());
        var ex = Assert.Throws<DomainRuleException>(() => e.RecordReview(new LearningReviewDetails(Ends.AddDays(-1), "DCI", " ", null, null), Ends.AddDays(5)));
        Assert.Contains("on or after its last day", ex.Message, StringComparison.Ordinal);
        Assert.Contains("how effective", ex.Message, StringComparison.Ordinal);
        Assert.Null(e.ReviewedOn);
    }

    [Fact]
    public void VoluntaryAttendance_OnDuty_IsRefused()
    {
        var ex = Assert.Throws<DomainRuleException>(() => PolicedEvent.Create(1, Details(AttendanceReason.VoluntaryPersonalAttendance, onDuty: true)));
        Assert.Contains("off duty", ex.Message, StringComparison.Ordinal);
    }
}

[Collection(AppCollection.Name)]
public sealed class PolicedEventPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task RecordAnEventThenItsReview_TheFlagGoes_AndOtherForcesCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.hampshire-and-isle-of-wight@demo.evenhand.test");
        const string slug = "hampshire-and-isle-of-wight";
        var name = "Test march " + Guid.NewGuid().ToString("N")[..6];
        var response = await governance.SubmitAsync(await governance.GetPageAsync($"/forces/{slug}/governance/events/new"), "/new", new()
        {
            ["Name"] = name, ["Category"] = "Protest", ["StartsOn.Day"] = "1", ["StartsOn.Month"] = "3", ["StartsOn.Year"] = "2025",
            ["EndsOn.Day"] = "1", ["EndsOn.Month"] = "3", ["EndsOn.Year"] = "2025", ["Contentious"] = "true", ["Attendance"] = "PublicSafetyDeployment",
            ["Reasons"] = "Keep the peace", ["CommunicatedToPublic"] = "Press release", ["CommunicatedToWorkforce"] = "Briefing", ["DressCode"] = "Uniform",
            ["ConductBriefing"] = "true", ["OnDuty"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.OriginalString;
        Assert.Contains("No learning review", (await governance.GetPageAsync(url)).QuerySelector("#event-flags")!.TextContent, StringComparison.Ordinal);

        var review = await governance.SubmitAsync(await governance.GetPageAsync(url + "/review"), "/review", new()
        {
            ["ReviewedOn.Day"] = "10", ["ReviewedOn.Month"] = "3", ["ReviewedOn.Year"] = "2025", ["ReviewedBy"] = "Silver commander",
            ["PolicingStyleEffectiveness"] = "Engagement officers kept the crowd calm", ["ImpartialityAllegations"] = "", ["Lessons"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        var page = await governance.GetPageAsync(url);
        Assert.Null(page.QuerySelector("#event-flags"));
        Assert.Contains("Learning review:", page.QuerySelector("#event-history")!.TextContent, StringComparison.Ordinal);

        using var other = await app.SignedInAsync("governance.cheshire@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url + "/review")).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.True(await db.PolicedEvents.AnyAsync(e => e.Name == name && e.ReviewedBy == "Silver commander"));
    }
}
