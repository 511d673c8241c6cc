using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;

namespace Evenhand.Responses;

/// <summary>What the local policing body says about one recommendation (s.55(5B): the action taken or proposed, or why none).</summary>
public enum Section55Stance
{
    ActionTakenOrProposed,
    NoActionWithReason,
}

/// <summary>
/// The local policing body's published comments on an inspection report (Police Act 1996 s.55, as amended by the Policing
/// and Crime Act 2017 s.37). Before it can be published it holds everything the statute asks for: the chief officer invited
/// to comment (s.55(4)), the body's own comments (s.55(5)), the chief officer's comments or a note that none came, the
/// body's response to them (s.55(5)(c)), and an answer for every recommendation that puts a duty on the force (s.55(5B)).
/// Once published it is never edited silently: a change is a dated <see cref="Section55Correction"/> shown with it.
/// </summary>
public sealed class Section55Response : VersionedEntity
{
    /// <summary>The longest text any one field takes: many times a real response's longest answer, short of a pasted book.</summary>
    public const int MaxTextLength = 20_000;

    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }

    /// <summary>The last day to publish (s.55(5A)); derived from the inspection, so there is one rule and one date.</summary>
    public DateOnly DueOn => (Inspection ?? throw new InvalidOperationException("Load the inspection with the response.")).Section55DueOn;

    public DateOnly? ChiefOfficerInvitedOn { get; private set; }
    public DateOnly? ChiefOfficerCommentsDueOn { get; private set; }
    public DateOnly? ChiefOfficerCommentsReceivedOn { get; private set; }
    public string? ChiefOfficerComments { get; private set; }

    /// <summary>When the chief officer submitted nothing by the date given: the body's note saying so.</summary>
    public string? ChiefOfficerNoCommentsNote { get; private set; }

    /// <summary>The body's response to the chief officer's comments (s.55(5)(c)).</summary>
    public string? ResponseToChiefOfficerComments { get; private set; }

    public string? PccComments { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    [MaxLength(2000)]
    public string? PublicUrl { get; private set; }
    public DateOnly? SentToInspectorateOn { get; private set; }
    public DateOnly? SentToHomeSecretaryOn { get; private set; }

    /// <summary>File the response was imported from, when it was.</summary>
    public string? SourceFileName { get; set; }

    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    public List<Section55Item> Items { get; set; } = [];

    /// <summary>Corrections made after publication, oldest first.</summary>
    public List<Section55Correction> Corrections { get; set; } = [];

    public bool IsPublished => PublishedOn is not null;

    public static Section55Response Start(Force force, Inspection inspection) => new()
    {
        ForceId = force.Id,
        Force = force,
        InspectionId = inspection.Id,
        Inspection = inspection,
    };

    public bool IsLate(DateOnly today) => PublishedOn is { } p ? p > DueOn : today > DueOn;

    /// <summary>The answer to a recommendation, if any.</summary>
    public Section55Item? ItemFor(int recommendationId) => Items.FirstOrDefault(i => i.RecommendationId == recommendationId);

    /// <summary>
    /// Sets the chief officer's part, the body's comments and answers to recommendations. Every problem is reported at once,
    /// each against its field; nothing changes unless all of them are acceptable.
    /// </summary>
    public void Edit(Section55Details d, IReadOnlyList<(Recommendation Recommendation, Section55Stance? Stance, string? Text)> answers, DateOnly today, ProcessContext ctx)
    {
        EnsureNotPublished();
        var errors = new List<FieldError>();
        var reportOn = Inspection?.PublishedOn;
        NotFuture(errors, nameof(d.ChiefOfficerInvitedOn), d.ChiefOfficerInvitedOn, "The date the chief officer was invited", today);
        if (d.ChiefOfficerInvitedOn is { } invited && reportOn is { } report && invited < report)
        {
            errors.Add(new(nameof(d.ChiefOfficerInvitedOn), $"The date the chief officer was invited must be on or after the report's publication on {Long(report)}"));
        }

        if (d.ChiefOfficerCommentsDueOn is { } due && d.ChiefOfficerInvitedOn is { } inv && due < inv)
        {
            errors.Add(new(nameof(d.ChiefOfficerCommentsDueOn), "The date the chief officer's comments are due must be on or after the date they were invited"));
        }

        NotFuture(errors, nameof(d.ChiefOfficerCommentsReceivedOn), d.ChiefOfficerCommentsReceivedOn, "The date the chief officer's comments were received", today);
        if (d.ChiefOfficerCommentsReceivedOn is { } received)
        {
            if (d.ChiefOfficerInvitedOn is null)
            {
                errors.Add(new(nameof(d.ChiefOfficerInvitedOn), "Enter the date the chief officer was invited to comment, as comments have been received"));
            }
            else if (received < d.ChiefOfficerInvitedOn)
            {
                errors.Add(new(nameof(d.ChiefOfficerCommentsReceivedOn), "The date the chief officer's comments were received must be on or after the date they were invited"));
            }
        }

        if (!string.IsNullOrWhiteSpace(d.ChiefOfficerComments) && !string.IsNullOrWhiteSpace(d.ChiefOfficerNoCommentsNote))
        {
            errors.Add(new(nameof(d.ChiefOfficerNoCommentsNote), "Remove the note that no comments were submitted, or remove the chief officer's comments: a response cannot have both"));
        }

        Length(errors, nameof(d.ChiefOfficerComments), d.ChiefOfficerComments, "The chief officer's comments");
        Length(errors, nameof(d.ChiefOfficerNoCommentsNote), d.ChiefOfficerNoCommentsNote, "The note that no comments were submitted");
        Length(errors, nameof(d.ResponseToChiefOfficerComments), d.ResponseToChiefOfficerComments, "Your response to the chief officer's comments");
        Length(errors, nameof(d.PccComments), d.PccComments, "Your comments on the report");
        foreach (var (rec, _, text) in answers)
        {
            if (rec.InspectionId != InspectionId)
            {
                throw new DomainRuleException($"Recommendation {rec.Number} belongs to another inspection.");
            }

            Length(errors, AnswerKey(rec.Number), text, $"The response to recommendation {rec.Number}");
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        ChiefOfficerInvitedOn = d.ChiefOfficerInvitedOn;
        ChiefOfficerCommentsDueOn = d.ChiefOfficerCommentsDueOn;
        ChiefOfficerCommentsReceivedOn = d.ChiefOfficerCommentsReceivedOn;
        ChiefOfficerComments = Clean(d.ChiefOfficerComments);
        ChiefOfficerNoCommentsNote = Clean(d.ChiefOfficerNoCommentsNote);
        ResponseToChiefOfficerComments = Clean(d.ResponseToChiefOfficerComments);
        PccComments = Clean(d.PccComments);
        foreach (var (rec, stance, text) in answers)
        {
            Answer(rec, stance, text, ctx);
        }

        Touch(ctx);
    }

    /// <summary>
    /// Fills the commissioner's comments, the chief officer's comments and the response to them from an imported document.
    /// A part the draft already holds is kept: a re-import, or an import after someone has typed the comments in, never
    /// replaces words a person wrote or checked (answers to recommendations are what an import is for, and they are
    /// replaced). The chief officer's comments are not filled when the draft notes that none were submitted, and a part
    /// longer than <see cref="MaxTextLength"/> is left out rather than cut. Returns what happened to each part the document has.
    /// </summary>
    public IReadOnlyList<ImportedComment> ImportComments(string? bodyComments, string? chiefOfficerComments, string? responseToChiefOfficer, ProcessContext ctx)
    {
        EnsureNotPublished();
        var results = new List<ImportedComment>();
        string? Fill(string field, string what, string? incoming, string? existing, string? blockedBy = null)
        {
            var text = Clean(incoming);
            if (text is null)
            {
                return existing;
            }

            if (existing is not null)
            {
                results.Add(new(field, false, existing == text ? null : $"The draft already has {what}; the document's were not imported over them."));
                return existing;
            }

            if (blockedBy is not null)
            {
                results.Add(new(field, false, blockedBy));
                return existing;
            }

            if (text.Length > MaxTextLength)
            {
                results.Add(new(field, false, $"{TooLong(Capitalise(what) + " in the document", text)}, so they were not imported; paste the part you need."));
                return existing;
            }

            results.Add(new(field, true, null));
            return text;
        }

        PccComments = Fill(nameof(PccComments), "your comments on the report", bodyComments, PccComments);
        ChiefOfficerComments = Fill(
            nameof(ChiefOfficerComments), "the chief officer's comments", chiefOfficerComments, ChiefOfficerComments,
            ChiefOfficerNoCommentsNote is null ? null : "The draft notes that the chief officer submitted no comments, so the chief officer's comments in the document were not imported.");
        ResponseToChiefOfficerComments = Fill(
            nameof(ResponseToChiefOfficerComments), "your response to the chief officer's comments", responseToChiefOfficer, ResponseToChiefOfficerComments);
        if (results.Any(r => r.Filled))
        {
            Touch(ctx);
        }

        return results;
    }

    private static string Capitalise(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    /// <summary>The key of a recommendation's answer in <see cref="FieldError.Field"/>.</summary>
    public static string AnswerKey(int recommendationNumber) => $"Answer:{recommendationNumber.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Sets the answer to one recommendation of this inspection.</summary>
    public Section55Item Answer(Recommendation recommendation, Section55Stance? stance, string? text, ProcessContext ctx)
    {
        EnsureNotPublished();
        if (recommendation.InspectionId != InspectionId)
        {
            throw new DomainRuleException($"Recommendation {recommendation.Number} belongs to another inspection.");
        }

        if (text is { Length: > MaxTextLength })
        {
            throw new DomainRuleException([new(AnswerKey(recommendation.Number), TooLong($"The response to recommendation {recommendation.Number}", text))]);
        }

        var item = ItemFor(recommendation.Id);
        if (item is null)
        {
            item = new Section55Item { RecommendationId = recommendation.Id, Recommendation = recommendation };
            Items.Add(item);
        }

        item.Stance = stance;
        item.Text = Clean(text);
        Touch(ctx);
        return item;
    }

    /// <summary>Recommendations that put a duty on the force and still lack an answer (a stance and its text).</summary>
    public IReadOnlyList<Recommendation> Gaps(IEnumerable<Recommendation> forceRecommendations) =>
        forceRecommendations
            .Where(r => ItemFor(r.Id) is not { IsComplete: true })
            .OrderBy(r => r.Number)
            .ToList();

    /// <summary>
    /// Everything s.55 asks for that is not there yet, in the order of the form, each against its field. Empty when the
    /// response may be published.
    /// </summary>
    public IReadOnlyList<FieldError> MissingForPublication(IEnumerable<Recommendation> forceRecommendations)
    {
        var missing = new List<FieldError>();
        // s.55(4): the body shall invite the chief officer to submit comments.
        if (ChiefOfficerInvitedOn is null)
        {
            missing.Add(new(nameof(Section55Details.ChiefOfficerInvitedOn), "Enter the date the chief officer was invited to comment (section 55(4))"));
        }

        // s.55(5)(b): any comments the chief officer submitted; otherwise a note that none came by the date given.
        if (ChiefOfficerComments is null && ChiefOfficerNoCommentsNote is null)
        {
            missing.Add(new(nameof(Section55Details.ChiefOfficerComments), "Enter the chief officer's comments, or note that none were submitted by the date given"));
        }

        // s.55(5)(c): any response the body has to the chief officer's comments.
        if (ChiefOfficerComments is not null && ResponseToChiefOfficerComments is null)
        {
            missing.Add(new(nameof(Section55Details.ResponseToChiefOfficerComments), "Enter your response to the chief officer's comments (section 55(5)(c)); say so if you have nothing to add"));
        }

        // s.55(5)(a): the body's own comments on the report.
        if (PccComments is null)
        {
            missing.Add(new(nameof(Section55Details.PccComments), "Enter your comments on the report (section 55(5))"));
        }

        // s.55(5B): for each recommendation, the action taken or proposed, or why none.
        foreach (var r in Gaps(forceRecommendations))
        {
            var item = ItemFor(r.Id);
            var what = item?.Stance is null && string.IsNullOrWhiteSpace(item?.Text) ? "an answer"
                : item?.Stance is null ? "whether action is taken or proposed, or no action"
                : item.Stance == Section55Stance.NoActionWithReason ? "the reason no action is taken" : "the action taken or proposed";
            missing.Add(new(AnswerKey(r.Number), $"Recommendation {r.Number} needs {what} (section 55(5B))"));
        }

        return missing;
    }

    /// <summary>
    /// Marks the response published. Refused, with every reason at once, while anything s.55 asks for is missing or the date
    /// is impossible: in the future, before the report, or before the chief officer was invited.
    /// </summary>
    public void Publish(DateOnly? publishedOn, string? publicUrl, IEnumerable<Recommendation> forceRecommendations, DateOnly today, ProcessContext ctx)
    {
        EnsureNotPublished();
        var errors = MissingForPublication(forceRecommendations).ToList();
        if (publishedOn is not { } on)
        {
            errors.Add(new(nameof(PublishedOn), "Enter the date the response was published"));
        }
        else
        {
            NotFuture(errors, nameof(PublishedOn), on, "The date published", today);
            if (Inspection is { } inspection && on < inspection.PublishedOn)
            {
                errors.Add(new(nameof(PublishedOn), $"The date published must be on or after the report's publication on {Long(inspection.PublishedOn)}"));
            }
            else if (ChiefOfficerInvitedOn is { } invited && on < invited)
            {
                errors.Add(new(nameof(PublishedOn), $"The date published must be on or after the date the chief officer was invited to comment ({Long(invited)})"));
            }
        }

        var url = Clean(publicUrl);
        if (url is not null && (url.Length > TextLimit.Of<Section55Response>(nameof(PublicUrl)) || !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http")))
        {
            errors.Add(new(nameof(PublicUrl), "Enter the web address as a full link, starting with https://"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        PublishedOn = publishedOn;
        PublicUrl = url;
        Touch(ctx);
    }

    /// <summary>s.55(6): copies of what was published go to HM Inspectors and the Home Secretary; neither before publication nor in the future.</summary>
    public void RecordCopiesSent(DateOnly? toInspectorate, DateOnly? toHomeSecretary, DateOnly today, ProcessContext ctx)
    {
        if (PublishedOn is not { } published)
        {
            throw new DomainRuleException("Publish the response before recording that copies were sent.");
        }

        var errors = new List<FieldError>();
        foreach (var (field, date, what) in new[]
                 {
                     (nameof(SentToInspectorateOn), toInspectorate, "The date the copy was sent to HM Inspectors"),
                     (nameof(SentToHomeSecretaryOn), toHomeSecretary, "The date the copy was sent to the Home Secretary"),
                 })
        {
            NotFuture(errors, field, date, what, today);
            if (date is { } d && d < published)
            {
                errors.Add(new(field, $"{what} must be on or after the date the response was published ({Long(published)})"));
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        SentToInspectorateOn = toInspectorate;
        SentToHomeSecretaryOn = toHomeSecretary;
        Touch(ctx);
    }

    /// <summary>
    /// Corrects a published response: the new wording replaces the old in what is shown, and a dated correction notice, with
    /// the earlier wording, is kept and shown beside it. Only a published response is corrected; a draft is simply edited.
    /// </summary>
    public Section55Correction Correct(Section55CorrectionOptions o, IReadOnlyList<Recommendation> recommendations, DateOnly today, ProcessContext ctx)
    {
        if (!IsPublished)
        {
            throw new DomainRuleException("Only a published response is corrected; change the draft instead.");
        }

        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(o.Notice))
        {
            errors.Add(new(nameof(o.Notice), "Enter the correction notice: what was corrected and why, as readers will see it"));
        }

        Length(errors, nameof(o.Notice), o.Notice, "The correction notice");
        if (string.IsNullOrWhiteSpace(o.NewText))
        {
            errors.Add(new(nameof(o.NewText), "Enter the corrected wording"));
        }

        Length(errors, nameof(o.NewText), o.NewText, "The corrected wording");
        Recommendation? rec = null;
        string? previous = null;
        Section55Stance? previousStance = null;
        switch (o.Part)
        {
            case Section55Part.Answer:
                rec = recommendations.FirstOrDefault(r => r.Id == o.RecommendationId);
                if (rec is null)
                {
                    errors.Add(new(nameof(o.RecommendationId), "Choose the recommendation whose answer is corrected"));
                }
                else
                {
                    previous = ItemFor(rec.Id)?.Text;
                    previousStance = ItemFor(rec.Id)?.Stance;
                    if (o.NewStance is null)
                    {
                        errors.Add(new(nameof(o.NewStance), "Choose whether action is taken or proposed, or no action"));
                    }
                }

                break;
            case Section55Part.BodyComments:
                previous = PccComments;
                break;
            case Section55Part.ResponseToChiefOfficer:
                previous = ResponseToChiefOfficerComments;
                break;
            default:
                errors.Add(new(nameof(o.Part), "Choose the part of the response that is corrected"));
                break;
        }

        if (errors.Count == 0 && Clean(o.NewText) == previous && (o.Part != Section55Part.Answer || o.NewStance == previousStance))
        {
            errors.Add(new(nameof(o.NewText), "The corrected wording is the same as the published wording"));
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        var text = Clean(o.NewText)!;
        switch (o.Part)
        {
            case Section55Part.Answer:
                var item = ItemFor(rec!.Id) ?? new Section55Item { RecommendationId = rec.Id, Recommendation = rec };
                if (!Items.Contains(item))
                {
                    Items.Add(item);
                }

                item.Stance = o.NewStance;
                item.Text = text;
                break;
            case Section55Part.BodyComments:
                PccComments = text;
                break;
            default:
                ResponseToChiefOfficerComments = text;
                break;
        }

        var correction = new Section55Correction
        {
            Part = o.Part!.Value,
            RecommendationId = rec?.Id,
            RecommendationNumber = rec?.Number,
            PreviousStance = previousStance,
            PreviousText = previous,
            NewStance = o.Part == Section55Part.Answer ? o.NewStance : null,
            NewText = text,
            Notice = Clean(o.Notice)!,
            CorrectedOn = today,
            CorrectedAt = ctx.Now,
            CorrectedBy = ctx.UserName,
        };
        Corrections.Add(correction);
        Touch(ctx);
        return correction;
    }

    private void EnsureNotPublished()
    {
        if (IsPublished)
        {
            throw new DomainRuleException("This response has been published and can no longer be edited. Use \"Correct the published response\" instead.");
        }
    }

    private void Touch(ProcessContext ctx)
    {
        UpdatedAt = ctx.Now;
        UpdatedBy = ctx.UserName;
        Bump();
    }

    private static void NotFuture(List<FieldError> errors, string field, DateOnly? date, string what, DateOnly today)
    {
        if (date is { } d && d > today)
        {
            errors.Add(new(field, $"{what} must be today or in the past"));
        }
    }

    private static void Length(List<FieldError> errors, string field, string? text, string what)
    {
        if (text is { Length: > MaxTextLength })
        {
            errors.Add(new(field, TooLong(what, text)));
        }
    }

    private static string TooLong(string what, string text) =>
        $"{what} must be {MaxTextLength:N0} characters or fewer (this is {text.Length:N0})";

    internal static string Long(DateOnly d) => Format.Date(d);

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record Section55Details(
    DateOnly? ChiefOfficerInvitedOn,
    DateOnly? ChiefOfficerCommentsDueOn,
    DateOnly? ChiefOfficerCommentsReceivedOn,
    string? ChiefOfficerComments,
    string? PccComments,
    string? ChiefOfficerNoCommentsNote = null,
    string? ResponseToChiefOfficerComments = null);

public sealed class Section55Item
{
    public int Id { get; set; }
    public int Section55ResponseId { get; set; }
    public int RecommendationId { get; set; }
    public Recommendation? Recommendation { get; set; }
    public Section55Stance? Stance { get; set; }
    public string? Text { get; set; }

    public bool IsComplete => Stance is not null && !string.IsNullOrWhiteSpace(Text);
}

/// <summary>What an import did with one comment part of the document: <paramref name="Field"/> filled, or kept and why (null: already the same).</summary>
public sealed record ImportedComment(string Field, bool Filled, string? Reason);

/// <summary>The parts of a published response that a correction may change.</summary>
public enum Section55Part
{
    Answer,
    BodyComments,
    ResponseToChiefOfficer,
}

public sealed record Section55CorrectionOptions(Section55Part? Part, int? RecommendationId, Section55Stance? NewStance, string? NewText, string? Notice);

/// <summary>A dated correction to a published response: what it said, what it says now, and the notice readers see.</summary>
public sealed class Section55Correction
{
    public int Id { get; set; }
    public int Section55ResponseId { get; set; }
    public Section55Part Part { get; set; }
    public int? RecommendationId { get; set; }
    public int? RecommendationNumber { get; set; }
    public Section55Stance? PreviousStance { get; set; }
    public string? PreviousText { get; set; }
    public Section55Stance? NewStance { get; set; }
    public required string NewText { get; set; }
    public required string Notice { get; set; }
    public DateOnly CorrectedOn { get; set; }
    public DateTimeOffset CorrectedAt { get; set; }
    public required string CorrectedBy { get; set; }

    public string PartDescription => Part switch
    {
        Section55Part.Answer => $"the answer to recommendation {RecommendationNumber}",
        Section55Part.BodyComments => "the comments on the report",
        _ => "the response to the chief officer's comments",
    };
}
