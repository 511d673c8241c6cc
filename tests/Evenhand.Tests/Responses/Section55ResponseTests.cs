using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;

namespace Evenhand.Tests.Responses;

/// <summary>The statute's duties (SOURCES.md, s.55 Police Act 1996) as the response enforces them, without a database.</summary>
public sealed class Section55ResponseTests
{
    private static readonly DateOnly Report = new(2024, 9, 10);
    private static readonly DateOnly Today = new(2024, 11, 1);
    private static readonly ProcessContext Ctx = new("u1", "PCC office", new DateTimeOffset(2024, 11, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void MissingForPublication_OnAnEmptyDraft_ListsEveryStatutoryItemInFormOrder()
    {
        var (response, recs) = Draft();

        var missing = response.MissingForPublication(recs).Select(m => m.Field).ToList();

        Assert.Equal(
            [
                nameof(Section55Details.ChiefOfficerInvitedOn), // s.55(4): the body shall invite the chief officer's comments
                nameof(Section55Details.ChiefOfficerComments), // s.55(5)(b): their comments, or a note that none came
                nameof(Section55Details.PccComments), // s.55(5): the body's own comments
                "Answer:4", "Answer:9", "Answer:21", // s.55(5B): every recommendation that puts a duty on the force
            ], missing);
    }

    [Fact]
    public void Publish_WithEverythingButTheAnswerTo21_IsRefusedNamingRecommendation21_AndNothingChanges()
    {
        var (response, recs) = Complete();
        response.Edit(Details(), [(recs[2], Section55Stance.ActionTakenOrProposed, "  ")], Today, Ctx);
        var version = response.Version;

        var e = Assert.Throws<DomainRuleException>(() => response.Publish(Today, null, recs, Today, Ctx));

        Assert.Equal(["Answer:21"], e.Errors.Select(x => x.Field));
        Assert.Contains("Recommendation 21 needs the action taken or proposed (section 55(5B))", e.Message, StringComparison.Ordinal);
        Assert.False(response.IsPublished);
        Assert.Equal(version, response.Version);
    }

    [Fact]
    public void Publish_WhenChiefOfficerCommented_NeedsTheBodysResponseToThem()
    {
        // s.55(5)(c): "any response the body has to the chief officer's comments" is published with them.
        var (response, recs) = Complete();
        response.Edit(Details() with { ResponseToChiefOfficerComments = null }, [], Today, Ctx);

        var e = Assert.Throws<DomainRuleException>(() => response.Publish(Today, null, recs, Today, Ctx));

        Assert.Equal([nameof(Section55Details.ResponseToChiefOfficerComments)], e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void Publish_WhenNoChiefOfficerCommentsCame_TheNoteStandsInForThem_AndNoResponseIsNeeded()
    {
        var (response, recs) = Complete();
        response.Edit(Details() with { ChiefOfficerComments = null, ResponseToChiefOfficerComments = null, ChiefOfficerCommentsReceivedOn = null,
            ChiefOfficerNoCommentsNote = "The Chief Constable was invited to comment by 30 September 2024 and submitted none." }, [], Today, Ctx);

        response.Publish(Today, "https://pcc.example.org/s55", recs, Today, Ctx);

        Assert.Equal(Today, response.PublishedOn);
    }

    [Theory]
    [InlineData("2024-11-02", "must be today or in the past")] // tomorrow
    [InlineData("2030-01-01", "must be today or in the past")]
    [InlineData("2024-09-09", "on or after the report's publication on 10 September 2024")]
    [InlineData("2024-09-11", "on or after the date the chief officer was invited to comment (12 September 2024)")]
    public void Publish_OnAnImpossibleDate_IsRefusedAgainstTheDateField(string date, string message)
    {
        var (response, recs) = Complete();

        var e = Assert.Throws<DomainRuleException>(() => response.Publish(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, recs, Today, Ctx));

        var error = Assert.Single(e.Errors);
        Assert.Equal(nameof(Section55Response.PublishedOn), error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(response.IsPublished);
    }

    [Fact]
    public void Publish_OnTheReportDayOrToday_IsAccepted()
    {
        var (response, recs) = Complete(invitedOn: Report);
        response.Publish(Report, null, recs, Today, Ctx);
        Assert.False(response.IsLate(new DateOnly(2025, 1, 1)));
    }

    [Fact]
    public void Edit_WithIncoherentDates_ReportsEachAgainstItsField_AndStoresNothing()
    {
        var (response, recs) = Draft();

        var e = Assert.Throws<DomainRuleException>(() => response.Edit(new Section55Details(
            ChiefOfficerInvitedOn: new DateOnly(2024, 9, 1), // before the report
            ChiefOfficerCommentsDueOn: new DateOnly(2024, 8, 1), // before the invitation
            ChiefOfficerCommentsReceivedOn: new DateOnly(2030, 1, 1), // in the future
            ChiefOfficerComments: "Comments", PccComments: "Ours"), [(recs[1], Section55Stance.ActionTakenOrProposed, "Done")], Today, Ctx));

        Assert.Equal(
            [nameof(Section55Details.ChiefOfficerInvitedOn), nameof(Section55Details.ChiefOfficerCommentsDueOn), nameof(Section55Details.ChiefOfficerCommentsReceivedOn)],
            e.Errors.Select(x => x.Field));
        Assert.Null(response.ChiefOfficerInvitedOn);
        Assert.Null(response.PccComments);
        Assert.Empty(response.Items);
    }

    [Fact]
    public void Edit_With100000Characters_IsRefusedBesideTheField()
    {
        var (response, recs) = Draft();
        var huge = new string('x', 100_000);

        var e = Assert.Throws<DomainRuleException>(() => response.Edit(Details() with { PccComments = huge }, [(recs[1], Section55Stance.ActionTakenOrProposed, huge)], Today, Ctx));

        Assert.Equal([nameof(Section55Details.PccComments), "Answer:9"], e.Errors.Select(x => x.Field));
        Assert.Contains("20,000 characters or fewer (this is 100,000)", e.Errors[0].Message, StringComparison.Ordinal);
        Assert.Null(response.PccComments);
    }

    [Fact]
    public void CopiesSent_BeforePublication_InTheFuture_OrBeforeThePublishedDate_AreRefused()
    {
        var (response, recs) = Complete();
        Assert.Throws<DomainRuleException>(() => response.RecordCopiesSent(Today, null, Today, Ctx));

        response.Publish(new DateOnly(2024, 10, 30), null, recs, Today, Ctx);
        var e = Assert.Throws<DomainRuleException>(() => response.RecordCopiesSent(new DateOnly(2030, 1, 1), new DateOnly(2020, 1, 1), Today, Ctx));
        Assert.Equal([nameof(Section55Response.SentToInspectorateOn), nameof(Section55Response.SentToHomeSecretaryOn)], e.Errors.Select(x => x.Field));
        Assert.Null(response.SentToInspectorateOn);

        response.RecordCopiesSent(new DateOnly(2024, 10, 30), Today, Today, Ctx);
        Assert.Equal(Today, response.SentToHomeSecretaryOn);
    }

    [Fact]
    public void AfterPublishing_EditsAreRefused_AndACorrectionKeepsTheOriginalWording()
    {
        var (response, recs) = Complete();
        response.Publish(Today, null, recs, Today, Ctx);
        Assert.Throws<DomainRuleException>(() => response.Edit(Details(), [], Today, Ctx));

        var missingNotice = Assert.Throws<DomainRuleException>(() => response.Correct(
            new Section55CorrectionOptions(Section55Part.Answer, recs[1].Id, Section55Stance.ActionTakenOrProposed, "Training in March 2025.", " "), recs, Today, Ctx));
        Assert.Equal(["Notice"], missingNotice.Errors.Select(x => x.Field));

        var c = response.Correct(new Section55CorrectionOptions(Section55Part.Answer, recs[1].Id, Section55Stance.ActionTakenOrProposed,
            "Training in March 2025.", "The month of the training was wrong."), recs, new DateOnly(2024, 11, 20), Ctx);

        Assert.Equal("Answer 9", c.PreviousText);
        Assert.Equal("Training in March 2025.", response.ItemFor(recs[1].Id)!.Text);
        Assert.Equal(new DateOnly(2024, 11, 20), Assert.Single(response.Corrections).CorrectedOn);
        Assert.Equal(Today, response.PublishedOn); // the publication date does not move
    }

    [Fact]
    public void Correct_OnADraft_IsRefused()
    {
        var (response, recs) = Complete();
        Assert.Throws<DomainRuleException>(() => response.Correct(new Section55CorrectionOptions(Section55Part.BodyComments, null, null, "x", "y"), recs, Today, Ctx));
    }

    private static Section55Details Details() => new(
        ChiefOfficerInvitedOn: new DateOnly(2024, 9, 12), ChiefOfficerCommentsDueOn: new DateOnly(2024, 10, 1), ChiefOfficerCommentsReceivedOn: new DateOnly(2024, 9, 30),
        ChiefOfficerComments: "The Chief Constable welcomes the report.", PccComments: "I welcome the report.",
        ChiefOfficerNoCommentsNote: null, ResponseToChiefOfficerComments: "I note the Chief Constable's comments.");

    /// <summary>A draft whose every statutory item is there.</summary>
    private static (Section55Response, List<Recommendation>) Complete(DateOnly? invitedOn = null)
    {
        var (response, recs) = Draft();
        response.Edit(Details() with { ChiefOfficerInvitedOn = invitedOn ?? new DateOnly(2024, 9, 12), ChiefOfficerCommentsReceivedOn = null },
            recs.Select(r => (r, (Section55Stance?)Section55Stance.ActionTakenOrProposed, (string?)$"Answer {r.Number}")).ToList(), Today, Ctx);
        return (response, recs);
    }

    private static (Section55Response, List<Recommendation>) Draft()
    {
        var inspection = new Inspection { Id = 1, Title = "T", Publisher = "HMICFRS", PublishedOn = Report };
        var recs = new[] { 4, 9, 21 }.Select((n, i) => new Recommendation { Id = i + 1, InspectionId = 1, Number = n, Text = "…", AppliesToForces = true }).ToList();
        return (Section55Response.Start(ForceCatalogue.FindBySlug("cheshire")!, inspection), recs);
    }
}
