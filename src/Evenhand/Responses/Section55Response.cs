using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;

namespace Evenhand.Responses;

/// <summary>What the local policing body says it will do about one recommendation (s.55(3): steps taken or proposed, or why none).</summary>
public enum Section55Stance
{
    ActionTakenOrProposed,
    NoActionWithReason,
}

/// <summary>
/// The local policing body's published comments on an inspection report (Police Act 1996 s.55, as amended by the Policing
/// and Crime Act 2017 s.37): due by the last of the 56 days beginning with the day of publication, with the chief officer's comments invited first, an answer for
/// each recommendation that applies to the force, and copies to HM Inspectors and the Home Secretary.
/// </summary>
public sealed class Section55Response : VersionedEntity
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }

    public DateOnly DueOn { get; set; }
    public DateOnly? ChiefOfficerInvitedOn { get; private set; }
    public DateOnly? ChiefOfficerCommentsDueOn { get; private set; }
    public DateOnly? ChiefOfficerCommentsReceivedOn { get; private set; }
    public string? ChiefOfficerComments { get; private set; }
    public string? PccComments { get; private set; }
    public DateOnly? PublishedOn { get; private set; }
    public string? PublicUrl { get; private set; }
    public DateOnly? SentToInspectorateOn { get; private set; }
    public DateOnly? SentToHomeSecretaryOn { get; private set; }

    /// <summary>File the response was imported from, when it was.</summary>
    public string? SourceFileName { get; set; }

    public DateTimeOffset? UpdatedAt { get; private set; }
    public string? UpdatedBy { get; private set; }

    public List<Section55Item> Items { get; set; } = [];

    public bool IsPublished => PublishedOn is not null;

    public static Section55Response Start(Force force, Inspection inspection) => new()
    {
        ForceId = force.Id,
        Force = force,
        InspectionId = inspection.Id,
        Inspection = inspection,
        DueOn = inspection.Section55DueOn,
    };

    public bool IsLate(DateOnly today) => PublishedOn is { } p ? p > DueOn : today > DueOn;

    public void UpdateDetails(Section55Details d, ProcessContext ctx)
    {
        EnsureNotPublished();
        if (d.ChiefOfficerCommentsDueOn is { } due && d.ChiefOfficerInvitedOn is { } invited && due < invited)
        {
            throw new DomainRuleException("The chief officer's comments cannot be due before they were invited.");
        }

        ChiefOfficerInvitedOn = d.ChiefOfficerInvitedOn;
        ChiefOfficerCommentsDueOn = d.ChiefOfficerCommentsDueOn;
        ChiefOfficerCommentsReceivedOn = d.ChiefOfficerCommentsReceivedOn;
        ChiefOfficerComments = Clean(d.ChiefOfficerComments);
        PccComments = Clean(d.PccComments);
        Touch(ctx);
    }

    /// <summary>Sets the answer to one recommendation. Only recommendations of this inspection can be answered.</summary>
    public Section55Item Answer(Recommendation recommendation, Section55Stance? stance, string? text, ProcessContext ctx)
    {
        EnsureNotPublished();
        if (recommendation.InspectionId != InspectionId)
        {
            throw new DomainRuleException($"Recommendation {recommendation.Number} belongs to another inspection.");
        }

        var item = Items.FirstOrDefault(i => i.RecommendationId == recommendation.Id);
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

    /// <summary>Force recommendations that still lack an answer (a stance and its text).</summary>
    public IReadOnlyList<Recommendation> Gaps(IEnumerable<Recommendation> forceRecommendations) =>
        forceRecommendations
            .Where(r => !Items.Any(i => i.RecommendationId == r.Id && i.IsComplete))
            .OrderBy(r => r.Number)
            .ToList();

    /// <summary>Marks the response published. Refused while any force recommendation lacks an action or a reason.</summary>
    public void Publish(DateOnly publishedOn, string? publicUrl, IEnumerable<Recommendation> forceRecommendations, ProcessContext ctx)
    {
        EnsureNotPublished();
        var gaps = Gaps(forceRecommendations);
        if (gaps.Count > 0)
        {
            throw new DomainRuleException(
                $"The response cannot be published yet: recommendation{(gaps.Count == 1 ? "" : "s")} {string.Join(", ", gaps.Select(g => g.Number))} " +
                "still need the action taken or proposed, or an explanation of why no action will be taken.");
        }

        if (publicUrl is not null && !Uri.TryCreate(publicUrl, UriKind.Absolute, out _))
        {
            throw new DomainRuleException("The public web address must be a full link, starting with https://.");
        }

        PublishedOn = publishedOn;
        PublicUrl = Clean(publicUrl);
        Touch(ctx);
    }

    public void RecordCopiesSent(DateOnly? toInspectorate, DateOnly? toHomeSecretary, ProcessContext ctx)
    {
        if ((toInspectorate ?? toHomeSecretary) is not null && PublishedOn is null)
        {
            throw new DomainRuleException("Publish the response before recording that copies were sent.");
        }

        SentToInspectorateOn = toInspectorate;
        SentToHomeSecretaryOn = toHomeSecretary;
        Touch(ctx);
    }

    private void EnsureNotPublished()
    {
        if (IsPublished)
        {
            throw new DomainRuleException("This response has been published and can no longer be changed.");
        }
    }

    private void Touch(ProcessContext ctx)
    {
        UpdatedAt = ctx.Now;
        UpdatedBy = ctx.UserName;
        Bump();
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

public sealed record Section55Details(
    DateOnly? ChiefOfficerInvitedOn,
    DateOnly? ChiefOfficerCommentsDueOn,
    DateOnly? ChiefOfficerCommentsReceivedOn,
    string? ChiefOfficerComments,
    string? PccComments);

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
