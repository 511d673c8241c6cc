using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Accounts;
using Evenhand.MyWork;
using Evenhand.Tests.Infrastructure;
using Ical.Net;

namespace Evenhand.Tests.MyWork;

/// <summary>Issue 11 point 4: the personal iCalendar feed at a secret, revocable address, and one deadline as an .ics file.</summary>
[Collection(AppCollection.Name)]
public sealed partial class CalendarTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    private static readonly Evenhand.Forces.Force Kent = new() { Id = 1, Slug = "kent", Name = "Kent Police", ShortName = "Kent", LocalPolicingBody = "PCC", Country = "England" };

    /// <summary>RFC 5545 §3.1: lines end CRLF and are folded so none is longer than 75 octets.</summary>
    private static void AssertRfcLines(string ics)
    {
        Assert.DoesNotMatch(BareLineFeed(), ics);
        Assert.EndsWith("\r\n", ics, StringComparison.Ordinal);
        foreach (var line in ics.Split("\r\n"))
        {
            Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"Line longer than 75 octets: {line}");
        }
    }

    [Fact]
    public void Write_EscapesCommasSemicolonsAndNewlines_AndParsesBackToTheSameTitle()
    {
        const string title = "Review the policy \u2018Flags, badges; and lanyards\u2019\nsecond line, with a very long tail that must be folded across lines to keep each under the limit";
        var item = new WorkItem(WorkKinds.PolicyReview, "policy:7", title, new DateOnly(2025, 3, 31), false, "/forces/kent/governance/policies/7/edit", Kent, [Roles.ForceGovernance]);
        var ics = CalendarWriter.Write([item, item with { Key = "policy:8", DueOn = null }], new ReminderOptions("https://evenhand.example"), new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero), "Evenhand");

        AssertRfcLines(ics);
        var unfolded = ics.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains(@"Flags\, badges\; and lanyards’\nsecond line\, with", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTSTART;VALUE=DATE:20250331", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTEND;VALUE=DATE:20250401", unfolded, StringComparison.Ordinal);
        Assert.Contains("DTSTAMP:20250301T120000Z", unfolded, StringComparison.Ordinal);
        Assert.Contains("X-WR-TIMEZONE:Europe/London", unfolded, StringComparison.Ordinal);

        var calendar = Calendar.Load(ics)!;
        var e = Assert.Single(calendar.Events); // the undated item is not an event
        Assert.Equal(title, e.Summary);
        Assert.Equal("policy-7.kent@evenhand", e.Uid);
        Assert.False(e.DtStart!.HasTime); // all day
        Assert.Equal(new DateOnly(2025, 3, 31), e.DtStart.Date);
        Assert.Equal(new Uri("https://evenhand.example/forces/kent/governance/policies/7/edit"), e.Url);
    }

    [Fact]
    public void Write_ADeadlineFallingDueJustAfterMidnightInBritishSummerTime_IsOnTheUkDay()
    {
        // A specialist review due at 23:30 UTC on 30 June is due at 00:30 on 1 July in London: the UK date is the event's day.
        var dueAt = new DateTimeOffset(2025, 6, 30, 23, 30, 0, TimeSpan.Zero);
        var ukDay = Evenhand.Common.UkTime.Date(dueAt);
        Assert.Equal(new DateOnly(2025, 7, 1), ukDay);
        var item = new WorkItem(WorkKinds.Review, "review:1", "Specialist review of KEN-1", ukDay, false, "/forces/kent/hate-incidents/1/review", Kent, [Roles.HateCrimeSpecialist]);
        var e = Assert.Single(Calendar.Load(CalendarWriter.Write([item], new ReminderOptions("https://e.example"), dueAt, "Evenhand"))!.Events);
        Assert.Equal(new DateOnly(2025, 7, 1), e.DtStart!.Date);
        Assert.False(e.DtStart.HasTime);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Feed_OpensWithoutSigningIn_ParsesAsTheUsersDeadlines_AndStopsOnceRevoked(string provider)
    {
        var app = apps.Get(provider);
        // A force no other test publishes for (Section55ComplianceTests publishes Norfolk's): its PCC office still has that work.
        using var pcc = await app.SignedInAsync(await app.CreateUserAsync(Roles.PccOffice, "thames-valley"));
        var settings = await pcc.GetPageAsync("/account/reminders");
        var made = await PageClient.ParseAsync(await pcc.SubmitFormAsync(settings, "handler=CreateFeed"));
        var url = made.QuerySelector("#feed-url")!.TextContent.Trim();
        var path = new Uri(url).AbsolutePath;
        Assert.Matches("^/calendar/[A-Za-z0-9_-]{43}\\.ics$", path);

        // Only the hash is stored.
        await using (var db = app.CreateDbContext())
        {
            var token = path["/calendar/".Length..^".ics".Length];
            Assert.DoesNotContain(db.Set<ReminderSettings>().Select(s => s.CalendarTokenHash).ToList(), h => h == token);
            Assert.Contains(db.Set<ReminderSettings>().Select(s => s.CalendarTokenHash).ToList(), h => h == CalendarFeedService.Hash(token));
        }

        using var calendarClient = app.Client(); // a calendar cannot sign in
        var response = await calendarClient.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var ics = await response.Content.ReadAsStringAsync();
        AssertRfcLines(ics);
        var calendar = Calendar.Load(ics)!;
        var work = await MyWorkApiTests.MyWorkAsync(pcc);
        var publish = Assert.Single(calendar.Events, e => e.Summary!.StartsWith("Publish the section 55 comments", StringComparison.Ordinal));
        Assert.Equal(work.Single(i => i.Kind == WorkKinds.Section55Publish).DueOn, publish.DtStart!.Date);
        Assert.All(calendar.Events, e => Assert.False(e.DtStart!.HasTime));

        // A made-up address, and the address after it is turned off: not found.
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync("/calendar/not-a-real-secret.ics")).StatusCode);
        var revoked = await pcc.SubmitFormAsync(await pcc.GetPageAsync("/account/reminders"), "handler=RevokeFeed");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarClient.GetAsync(path)).StatusCode);
        Assert.Contains("You have no calendar feed", (await pcc.GetPageAsync("/account/reminders")).QuerySelector("#feed-status")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task OneDeadline_DownloadsAsAnIcsEvent_ForItsOwnerOnly(string provider)
    {
        var app = apps.Get(provider);
        // A force no other test writes a response for (Section55ComplianceTests drafts Suffolk's).
        using var pcc = await app.SignedInAsync(await app.CreateUserAsync(Roles.PccOffice, "west-yorkshire"));
        var home = await pcc.GetPageAsync("/");
        var link = home.QuerySelector("[data-kind='section55-publish'] a[href^='/my-work/event.ics']")!.GetAttribute("href")!;
        var response = await pcc.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var e = Assert.Single(Calendar.Load(await response.Content.ReadAsStringAsync())!.Events);
        Assert.StartsWith("Publish the section 55 comments", e.Summary, StringComparison.Ordinal);

        // Another person's deadline is not theirs to download (a communications user of the same force); signed out, sign in first.
        using var other = await app.SignedInAsync(await app.CreateUserAsync(Roles.Communications, "west-yorkshire"));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(link)).StatusCode);
        using var anonymous = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(link)).StatusCode);
    }

    [GeneratedRegex("(?<!\r)\n")]
    private static partial Regex BareLineFeed();
}
