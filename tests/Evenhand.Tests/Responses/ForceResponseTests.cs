using Evenhand.Common;
using Evenhand.Inspections;
using Evenhand.Responses;

namespace Evenhand.Tests.Responses;

public sealed class ForceResponseTests
{
    private static readonly ProcessContext Ctx = new("u1", "Dana Lead", new DateTimeOffset(2025, 1, 10, 9, 0, 0, TimeSpan.Zero));

    private static ForceResponse NewPlan() => new()
    {
        Recommendation = new Recommendation { Number = 16, Text = "…", DueDate = new DateOnly(2025, 3, 31) },
    };

    [Fact]
    public void SetProgress_CompleteWithoutEvidence_IsRefused()
    {
        var plan = NewPlan();
        var e = Assert.Throws<DomainRuleException>(() => plan.SetProgress(ForceProgress.Complete, Ctx));
        Assert.Contains("evidence", e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(ForceProgress.NotStarted, plan.Progress);
    }

    [Fact]
    public void SetProgress_RecordsTheChangeInTheTimeline_AndChangesTheVersion()
    {
        var plan = NewPlan();
        var version = plan.Version;
        plan.SetProgress(ForceProgress.InProgress, Ctx);
        var entry = Assert.Single(plan.Timeline);
        Assert.Equal("Dana Lead", entry.By);
        Assert.Equal("Progress: Not started → In progress", entry.Change);
        Assert.NotEqual(version, plan.Version);
    }

    [Fact]
    public void Changes_AreWrittenInWords_AndSavingWithoutAChangeLeavesNoEntry()
    {
        var plan = NewPlan();
        var action = plan.AddAction("Review the force's lanyard policy", "Sam Owner", null, Ctx);
        plan.SetActionStatus(action, ActionStatus.InProgress, Ctx);
        plan.SetActionStatus(action, ActionStatus.InProgress, Ctx);
        plan.SetProgress(ForceProgress.InProgress, Ctx);
        plan.SetProgress(ForceProgress.InProgress, Ctx);
        plan.AddMeeting("GAIN Board", new DateOnly(2026, 11, 20), "Adopt the policy", Ctx);

        Assert.Equal(
            ["Action added: Review the force's lanyard policy", "Action 'Review the force's lanyard policy': Open → In progress",
             "Progress: Not started → In progress", "Governance: GAIN Board on 20 November 2026 — Adopt the policy"],
            plan.Timeline.Select(t => t.Change));
    }

    [Fact]
    public void Assess_AcceptedAsClosed_NeedsCompleteWorkWithEvidence()
    {
        var plan = NewPlan();
        Assert.Throws<DomainRuleException>(() => plan.Assess(AssessmentStatus.AcceptedAsClosed, null, Ctx));
        plan.AddEvidence(EvidenceKind.Text, "Policy published", null, null, null, null, Ctx);
        plan.SetProgress(ForceProgress.Complete, Ctx);
        plan.Assess(AssessmentStatus.AcceptedAsClosed, "Checked by the PCC office", Ctx);
        Assert.Equal(AssessmentStatus.AcceptedAsClosed, plan.Assessment);
        Assert.Equal("Dana Lead", plan.AssessedBy);
    }

    [Fact]
    public void SetProgress_ReopeningClosedWork_WithdrawsTheAcceptance()
    {
        var plan = NewPlan();
        plan.AddEvidence(EvidenceKind.Text, "Policy published", null, null, null, null, Ctx);
        plan.SetProgress(ForceProgress.Complete, Ctx);
        plan.Assess(AssessmentStatus.AcceptedAsClosed, null, Ctx);
        plan.SetProgress(ForceProgress.InProgress, Ctx);
        Assert.Equal(AssessmentStatus.NotAssessed, plan.Assessment);
    }

    [Theory]
    [InlineData("ftp://example.org/x")]
    [InlineData("not a link")]
    [InlineData("")]
    public void AddEvidence_BadLink_IsRefused(string url)
    {
        var plan = NewPlan();
        Assert.Throws<DomainRuleException>(() => plan.AddEvidence(EvidenceKind.Link, null, url, null, null, null, Ctx));
        Assert.Empty(plan.Evidence);
    }

    [Fact]
    public void AddEvidence_FileOverTheLimit_IsRefused()
    {
        var plan = NewPlan();
        var e = Assert.Throws<DomainRuleException>(() =>
            plan.AddEvidence(EvidenceKind.File, null, null, "big.pdf", "application/pdf", new byte[EvidenceItem.MaxFileBytes + 1], Ctx));
        Assert.Contains("10 MB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnsureVersion_Stale_ThrowsConflict()
    {
        var plan = NewPlan();
        var seen = plan.Version;
        plan.SetProgress(ForceProgress.InProgress, Ctx);
        Assert.Throws<ConcurrencyConflictException>(() => plan.EnsureVersion(seen));
    }

    [Fact]
    public void IsOverdue_OnlyAfterTheDueDate_AndNotOnceComplete()
    {
        var plan = NewPlan();
        Assert.False(plan.IsOverdue(new DateOnly(2025, 3, 31)));
        Assert.True(plan.IsOverdue(new DateOnly(2025, 4, 1)));
        plan.AddEvidence(EvidenceKind.Text, "Done", null, null, null, null, Ctx);
        plan.SetProgress(ForceProgress.Complete, Ctx);
        Assert.False(plan.IsOverdue(new DateOnly(2025, 4, 1)));
    }
}
