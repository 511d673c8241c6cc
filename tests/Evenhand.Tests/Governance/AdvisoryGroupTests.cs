using System.Net;
using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Governance;

public sealed class AdvisoryGroupTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);
    private static readonly GovernanceSettings Defaults = new() { ForceId = 1 };

    private static AdvisoryGroup Group(DateOnly? tor, ChairKind chair = ChairKind.Independent) =>
        AdvisoryGroup.Create(1, new AdvisoryGroupDetails("Independent advisory group", AdvisoryGroupType.IndependentAdvisoryGroup, tor, "A. Chair", chair, null), Today);

    private static MemberDetails Vetted(string name, DateOnly joined) => new(name, joined, VettingDecision.Vetted, false, false, false, null, null);

    [Fact]
    public void Flags_OldTermsOfReference_ANonIndependentChair_AndMembersPastTenure()
    {
        var good = Group(Today.AddMonths(-11));
        good.AddMember(Vetted("M1", Today.AddYears(-5)), Today);
        Assert.Empty(good.Flags(Today, Defaults));

        var bad = Group(Today.AddMonths(-13), ChairKind.PoliceOfficer);
        bad.AddMember(Vetted("M2", Today.AddYears(-7)), Today);
        Assert.Equal(["Terms of reference not reviewed for over 12 months", "Chair is not independent (a police officer)", "1 member past the 6-year tenure limit"],
            bad.Flags(Today, Defaults));
        Assert.Equal(["Terms of reference never reviewed"], Group(null).Flags(Today, Defaults));
    }

    [Fact]
    public void Flags_FollowTheForcesOwnLimits()
    {
        var g = Group(Today.AddMonths(-13));
        g.AddMember(Vetted("M1", Today.AddYears(-3)), Today);
        var strict = new GovernanceSettings { ForceId = 1 };
        strict.Apply(24, 2);

        Assert.Equal(["1 member past the 2-year tenure limit"], g.Flags(Today, strict));
    }

    [Fact]
    public void AddMember_NotVetted_NeedsAMitigationAndARationale()
    {
        var g = Group(Today);
        var e = Assert.Throws<DomainRuleException>(() => g.AddMember(new MemberDetails("M", Today, VettingDecision.NotVetted, false, false, false, null, null), Today));
        Assert.Contains("at least one mitigation", e.Message, StringComparison.Ordinal);
        Assert.Contains("rationale for not vetting", e.Message, StringComparison.Ordinal);
        Assert.Empty(g.Members);

        var m = g.AddMember(new MemberDetails("M", Today, VettingDecision.NotVetted, true, true, false, "Sees no sensitive material", null), Today);
        Assert.Equal("background check, confidentiality agreement", m.Mitigations);
    }

    [Fact]
    public void ChangeMember_RecordingThatAMemberPastTenureLeft_ClearsTheFlag_AndSaysWhatChanged()
    {
        var g = Group(Today);
        var m = g.AddMember(Vetted("M1", Today.AddYears(-7)), Today);
        m.Id = 5;
        Assert.Contains("1 member past the 6-year tenure limit", g.Flags(Today, Defaults));
        var version = g.Version;

        var changes = g.ChangeMember(5, Vetted("M1", Today.AddYears(-7)), new DateOnly(2025, 5, 31), Today);

        Assert.Equal(["Left: (none) → 31 May 2025"], changes);
        Assert.Equal(new DateOnly(2025, 5, 31), m.LeftOn);
        Assert.Empty(g.Flags(Today, Defaults));
        Assert.NotEqual(version, g.Version);

        // The same details again: nothing changed, so nothing for the history and the version stays.
        version = g.Version;
        Assert.Empty(g.ChangeMember(5, Vetted("M1", Today.AddYears(-7)), new DateOnly(2025, 5, 31), Today));
        Assert.Equal(version, g.Version);
    }

    [Fact]
    public void ChangeMember_RefusalsNameTheirFields_InTheFormsOrder_AndChangeNothing()
    {
        var g = Group(Today);
        var m = g.AddMember(Vetted("M1", Today.AddYears(-2)), Today);

        var e = Assert.Throws<DomainRuleException>(() =>
            g.ChangeMember(m.Id, new MemberDetails(" ", Today.AddYears(-2), VettingDecision.NotVetted, false, false, false, null, null), Today.AddYears(-3), Today));

        Assert.Equal(["Name", "LeftOn", "BackgroundCheck", "VettingRationale"], e.Errors.Select(x => x.Field));
        Assert.Contains("on or after the date they joined", e.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("M1", m.Name);
        Assert.Null(m.LeftOn);
        Assert.Equal(VettingDecision.Vetted, m.Vetting);
        var future = Assert.Throws<DomainRuleException>(() => g.ChangeMember(m.Id, Vetted("M1", Today.AddYears(-2)), Today.AddDays(1), Today));
        Assert.Equal(AdvisoryGroup.MemberLeftOnField, Assert.Single(future.Errors).Field);
        Assert.Throws<NotFoundException>(() => g.ChangeMember(999, Vetted("M1", Today), null, Today));
    }

    [Fact]
    public void Meetings_WhatTheGroupRaisedIsOpenUntilTheForceGivesFeedback()
    {
        var g = Group(Today);
        var meeting = g.AddMeeting(Today.AddDays(-7), true, "Asked about stop and search figures", null, Today);
        g.AddMeeting(Today.AddDays(-3), false, null, null, Today);
        Assert.Equal([meeting], g.OpenActions());
        Assert.Contains("1 matter raised by the group with no feedback yet", g.Flags(Today, Defaults));

        Assert.Throws<DomainRuleException>(() => g.RecordFeedback(meeting.Id, " ", Today));
        g.RecordFeedback(meeting.Id, "Published the figures and the panel reviews them quarterly", Today);
        Assert.Empty(g.OpenActions());
        Assert.Equal(Today, meeting.FedBackOn);
        Assert.Throws<DomainRuleException>(() => g.AddMeeting(Today.AddDays(1), true, null, "Did something", Today));
    }

    [Fact]
    public void ChangeMeeting_FeedbackGivenLaterIsDatedThatDay_RemovedFeedbackReopensTheMatter()
    {
        var g = Group(Today);
        var meeting = g.AddMeeting(Today.AddDays(-7), false, "Asked about stop and search figures", null, Today);
        meeting.Id = 3;

        Assert.Equal(["Minutes kept: no → yes", "We did: (none) → Published the figures"],
            g.ChangeMeeting(3, Today.AddDays(-7), true, "Asked about stop and search figures", "Published the figures", Today));
        Assert.Equal(Today, meeting.FedBackOn);
        Assert.Empty(g.OpenActions());

        Assert.Equal(["We did: Published the figures → (none)"], g.ChangeMeeting(3, Today.AddDays(-7), true, "Asked about stop and search figures", null, Today));
        Assert.Null(meeting.FedBackOn);
        Assert.Equal([meeting], g.OpenActions());

        var e = Assert.Throws<DomainRuleException>(() => g.ChangeMeeting(3, Today.AddDays(1), true, null, "Did something", Today));
        Assert.Equal(["HeldOn", "WeDid"], e.Errors.Select(x => x.Field));
        Assert.Equal(Today.AddDays(-7), meeting.HeldOn);
    }

    [Fact]
    public void Settings_OutOfRange_AreRefused()
    {
        var e = Assert.Throws<DomainRuleException>(() => new GovernanceSettings().Apply(0, 30));
        Assert.Contains("1 to 60 months", e.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 20 years", e.Message, StringComparison.Ordinal);
    }
}

[Collection(AppCollection.Name)]
public sealed class AdvisoryGroupPageTests(AppFixture apps)
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AddAGroupAndAMemberNotVetted_TheVettingDecisionIsRecorded_AndOtherForcesCannotSeeIt(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.west-midlands@demo.evenhand.test");
        var name = "Test panel " + Guid.NewGuid().ToString("N")[..6];
        var created = await governance.SubmitAsync(await governance.GetPageAsync("/forces/west-midlands/governance/advisory-groups/new"), "/new", new()
        {
            ["Name"] = name, ["Type"] = "CommunityScrutinyPanel", ["TermsOfReferenceReviewedOn.Day"] = "", ["TermsOfReferenceReviewedOn.Month"] = "", ["TermsOfReferenceReviewedOn.Year"] = "",
            ["Chair"] = "B. Chair", ["ChairKind"] = "PccOffice", ["Payments"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        Assert.Contains(name, (await governance.GetPageAsync("/forces/west-midlands/governance/advisory-groups?Flagged=true")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(name, (await governance.GetPageAsync("/forces/west-midlands/governance/advisory-groups?Type=YouthPanel")).Body!.TextContent, StringComparison.Ordinal);
        var flags = (await governance.GetPageAsync(url)).QuerySelector("#group-flags")!.TextContent;
        Assert.Contains("never reviewed", flags, StringComparison.Ordinal);
        Assert.Contains("not independent", flags, StringComparison.Ordinal);

        var refused = await governance.SubmitAsync(await governance.GetPageAsync(url + "/members/new"), "/members/new", new()
        {
            ["Name"] = "C. Member", ["JoinedOn.Day"] = "1", ["JoinedOn.Month"] = "1", ["JoinedOn.Year"] = "2024", ["Vetting"] = "NotVetted", ["VettingRationale"] = "", ["Training"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("at least one mitigation", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var added = await governance.SubmitAsync(await governance.GetPageAsync(url + "/members/new"), "/members/new", new()
        {
            ["Name"] = "C. Member", ["JoinedOn.Day"] = "1", ["JoinedOn.Month"] = "1", ["JoinedOn.Year"] = "2024", ["Vetting"] = "NotVetted",
            ["ConfidentialityAgreement"] = "true", ["VettingRationale"] = "Sees no operational material", ["Training"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Not vetted: confidentiality agreement", (await governance.GetPageAsync(url)).QuerySelector("#member-list")!.TextContent, StringComparison.Ordinal);

        using var other = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url.Replace("west-midlands", "cleveland", StringComparison.Ordinal))).StatusCode);
        await using var db = app.CreateDbContext();
        Assert.Equal(1, await db.AdvisoryGroups.Where(g => g.Name == name).SelectMany(g => g.Members).CountAsync());

        // A meeting: what the group raised, then the force's feedback from the group's page.
        var meeting = await governance.SubmitAsync(await governance.GetPageAsync(url + "/meetings/new"), "/meetings/new", new()
        {
            ["HeldOn.Day"] = "2", ["HeldOn.Month"] = "2", ["HeldOn.Year"] = "2025", ["MinutesRecorded"] = "true", ["YouSaid"] = "Asked for the use of force data", ["WeDid"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, meeting.StatusCode);
        var detail = await governance.GetPageAsync(url);
        Assert.Contains("no feedback yet", detail.QuerySelector("#group-flags")!.TextContent, StringComparison.Ordinal);
        // Nothing said is refused beside this meeting's field, which the error summary links to.
        var empty = await governance.SubmitAsync(detail, "handler=Feedback", new() { ["WeDid"] = "  " });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var refusedPage = await PageClient.ParseAsync(empty);
        Assert.Equal("#WeDid", refusedPage.QuerySelector(".govuk-error-summary a")!.GetAttribute("href"));
        var field = refusedPage.QuerySelector("#meeting-list textarea#WeDid")!;
        Assert.Contains("WeDid-error", field.GetAttribute("aria-describedby") ?? "", StringComparison.Ordinal);
        Assert.Contains("Say what the force did.", refusedPage.QuerySelector("#WeDid-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("govuk-form-group--error", field.ParentElement!.ClassName, StringComparison.Ordinal);
        var feedback = await governance.SubmitAsync(detail, "handler=Feedback", new() { ["WeDid"] = "Shared the data at the next meeting" });
        Assert.Equal(HttpStatusCode.Redirect, feedback.StatusCode);
        Assert.Contains("We did: Shared the data", (await governance.GetPageAsync(url)).QuerySelector("#meeting-list")!.TextContent, StringComparison.Ordinal);

        // The meeting's record can be corrected afterwards: a date in the future is refused against its field.
        var changeMeeting = (await governance.GetPageAsync(url)).QuerySelectorAll("#meeting-list a").Single(a => a.TextContent.StartsWith("Change", StringComparison.Ordinal)).GetAttribute("href")!;
        Dictionary<string, string?> Meeting(string year) => new()
        {
            ["HeldOn.Day"] = "2", ["HeldOn.Month"] = "2", ["HeldOn.Year"] = year, ["MinutesRecorded"] = "true",
            ["YouSaid"] = "Asked for the use of force data by ward", ["WeDid"] = "Shared the data at the next meeting",
        };
        var future = await governance.SubmitAsync(await governance.GetPageAsync(changeMeeting), changeMeeting, Meeting("2099"));
        Assert.Equal(HttpStatusCode.OK, future.StatusCode);
        Assert.Contains("cannot be in the future", (await PageClient.ParseAsync(future)).QuerySelector(".govuk-error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await governance.SubmitAsync(await governance.GetPageAsync(changeMeeting), changeMeeting, Meeting("2025"))).StatusCode);
        Assert.Contains("You said: Asked for the use of force data → Asked for the use of force data by ward",
            (await governance.GetPageAsync(url)).QuerySelector("#group-history")!.TextContent, StringComparison.Ordinal);
    }

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task AMemberPastTenureLeaves_TheFlagClears_AndTheHistorySaysSo_AfterARefusalThatKeptTheForm(string provider)
    {
        var app = apps.Get(provider);
        using var governance = await app.SignedInAsync("governance.west-midlands@demo.evenhand.test");
        var name = "Tenure panel " + Guid.NewGuid().ToString("N")[..6];
        var created = await governance.SubmitAsync(await governance.GetPageAsync("/forces/west-midlands/governance/advisory-groups/new"), "/new", new()
        {
            ["Name"] = name, ["Type"] = "CommunityScrutinyPanel", ["TermsOfReferenceReviewedOn.Day"] = "", ["TermsOfReferenceReviewedOn.Month"] = "", ["TermsOfReferenceReviewedOn.Year"] = "",
            ["Chair"] = "B. Chair", ["ChairKind"] = "Independent", ["Payments"] = "",
        });
        var url = created.Headers.Location!.OriginalString;
        var added = await governance.SubmitAsync(await governance.GetPageAsync(url + "/members/new"), "/members/new", new()
        {
            ["Name"] = "Long Server", ["JoinedOn.Day"] = "1", ["JoinedOn.Month"] = "3", ["JoinedOn.Year"] = "2012", ["Vetting"] = "Vetted", ["VettingRationale"] = "", ["Training"] = "",
        });
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var detail = await governance.GetPageAsync(url);
        Assert.Contains("past the 6-year tenure limit", detail.QuerySelector("#group-flags")!.TextContent, StringComparison.Ordinal);
        var change = detail.QuerySelectorAll("#member-list a").Single(a => a.TextContent.Contains("Long Server", StringComparison.Ordinal)).GetAttribute("href")!;

        // A leaving date before the joining date is refused against its field; what was typed stays on the form.
        var form = await governance.GetPageAsync(change);
        Assert.Equal("Long Server", form.QuerySelector("#Name")!.GetAttribute("value"));
        // The form as a browser sends it: every field, changed or not.
        Dictionary<string, string?> Member(string name, string leftDay, string leftMonth, string leftYear) => new()
        {
            ["Name"] = name, ["JoinedOn.Day"] = "1", ["JoinedOn.Month"] = "3", ["JoinedOn.Year"] = "2012",
            ["LeftOn.Day"] = leftDay, ["LeftOn.Month"] = leftMonth, ["LeftOn.Year"] = leftYear, ["Vetting"] = "Vetted", ["VettingRationale"] = "", ["Training"] = "",
        };
        Assert.Equal("2012", form.QuerySelector("[name='JoinedOn.Year']")!.GetAttribute("value"));
        var refused = await governance.SubmitAsync(form, change, Member("Long Server (renamed)", "1", "1", "2011"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await PageClient.ParseAsync(refused);
        var summary = refusedPage.QuerySelector(".govuk-error-summary")!;
        Assert.Contains("on or after the date they joined", summary.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("#LeftOn", summary.QuerySelector("a")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Equal("Long Server (renamed)", refusedPage.QuerySelector("#Name")!.GetAttribute("value"));
        Assert.Equal(name, refusedPage.QuerySelector(".govuk-caption-l")!.TextContent.Trim());

        var left = await governance.SubmitAsync(await governance.GetPageAsync(change), change, Member("Long Server", "30", "11", "2024"));
        Assert.Equal(HttpStatusCode.Redirect, left.StatusCode);
        detail = await governance.GetPageAsync(url);
        Assert.DoesNotContain("tenure", detail.QuerySelector("#group-flags")?.TextContent ?? "", StringComparison.Ordinal);
        Assert.Contains("30 November 2024", detail.QuerySelector("#member-list")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Member Long Server: Left: (none) → 30 Nov", detail.QuerySelector("#group-history")!.TextContent, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        Assert.Equal("MemberLeft", await db.AuditEntries.Where(a => a.EntityType == "AdvisoryGroup" && a.EntityId == url.Substring(url.LastIndexOf('/') + 1))
            .OrderByDescending(a => a.Id).Select(a => a.Action).FirstAsync());

        // Another force's user cannot reach the change form.
        using var other = await app.SignedInAsync("governance.cleveland@demo.evenhand.test");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(change)).StatusCode);
    }
}
