using System.ComponentModel.DataAnnotations;
using Evenhand.Forces;

namespace Evenhand.HateIncidents;

/// <summary>
/// After a subject's personal data is deleted from Evenhand, each other system that may hold a copy (call records,
/// body-worn video, emails, …) must be purged too; each gets its own confirmation.
/// </summary>
public sealed class PurgeConfirmation
{
    public int Id { get; set; }
    public int HateIncidentId { get; set; }
    public required string System { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? Note { get; set; }
    public string? ConfirmedBy { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }

    public static IReadOnlyList<string> DefaultSystems { get; } =
        ["Command and control (call record)", "Crime and intelligence system", "Body-worn video", "Email and messages", "Shared drives and documents"];
}

/// <summary>A force's own code translated to the national hate-incident code, so data can be compared across forces.</summary>
public sealed class LegacyCodeMapping
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }
    public required string LegacyCode { get; set; }
    public required string Code { get; set; }
}

/// <summary>A case-file review: a random sample of finalised incidents judged stage by stage, as the inspection did.</summary>
public sealed class CaseFileReview
{
    public int Id { get; set; }
    public int ForceId { get; set; }
    public Force? Force { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public int Seed { get; set; }
    public List<CaseFileReviewItem> Items { get; set; } = [];
}

public sealed class CaseFileReviewItem
{
    public int Id { get; set; }
    public int CaseFileReviewId { get; set; }
    public int HateIncidentId { get; set; }
    public HateIncident? Incident { get; set; }

    /// <summary>Auditor's judgement per stage: true = right, false = error, null = not yet judged.</summary>
    public bool? RecordingCorrect { get; set; }
    public bool? AssessmentCorrect { get; set; }
    public bool? ReviewCorrect { get; set; }
    public bool? FinalisationCorrect { get; set; }
    [MaxLength(4000)]
    public string? Notes { get; set; }
    public string? JudgedBy { get; set; }
    public DateTimeOffset? JudgedAt { get; set; }
}
