using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.National;

/// <summary>
/// Section 55 across every force for one inspection: who has published, who is late, answers and copies sent. The
/// inspectorate and administrators only (a force user is refused, as on the other national-only pages).
/// </summary>
[Authorize(Policy = Policies.SeeAllForces)]
public sealed class Section55Model(Section55ComplianceService compliance, InspectionService inspections) : EvenhandPageModel
{
    [FromQuery(Name = "inspection")] public int? InspectionId { get; set; }
    [FromQuery(Name = "status")] public Section55ComplianceFilter Status { get; set; }
    [FromQuery(Name = "force")] public string? ForceName { get; set; }

    public Section55Compliance? Compliance { get; private set; }
    public List<InspectionChoice> Inspections { get; private set; } = [];

    public static string Describe(Section55ComplianceFilter f) => f switch
    {
        Section55ComplianceFilter.Published => "Published",
        Section55ComplianceFilter.NotYetPublished => "Not yet published",
        Section55ComplianceFilter.Late => "Late",
        Section55ComplianceFilter.CopiesMissing => "Published, copies not recorded",
        _ => "All forces",
    };

    public static (string Text, string Colour) Tag(Section55ComplianceStatus s) => s switch
    {
        Section55ComplianceStatus.PublishedOnTime => ("Published", "green"),
        Section55ComplianceStatus.PublishedLate => ("Published late", "orange"),
        Section55ComplianceStatus.Overdue => ("Late: not published", "red"),
        _ => ("Not yet published", "grey"),
    };

    /// <summary>This page with the current inspection and the given filters.</summary>
    public string Link(Section55ComplianceFilter? status = null, string? force = null, string? handler = null)
    {
        var query = new Dictionary<string, string?> { ["inspection"] = Compliance?.Inspection.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (status is { } s && s != Section55ComplianceFilter.All)
        {
            query["status"] = s.ToString();
        }

        if (!string.IsNullOrWhiteSpace(force))
        {
            query["force"] = force;
        }

        if (handler is not null)
        {
            query["handler"] = handler;
        }

        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/national/section55", query);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Inspections = await inspections.ChoicesAsync(ct);
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct) || Compliance is null)
        {
            return NotFound();
        }

        var rows = Compliance.Rows.Select(r => new Section55ComplianceCsvRow(
            r.Force.Slug, r.Force.Name, r.Force.LocalPolicingBody, Iso(r.DueOn), Iso(r.PublishedOn), Tag(r.Status).Text, r.Late,
            r.Answered, r.Required, Iso(r.ChiefOfficerInvitedOn), Iso(r.CopiesSentToInspectorsOn), Iso(r.CopiesSentToHomeSecretaryOn)));
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"section-55-{Compliance.Inspection.PublishedOn:yyyy-MM-dd}.csv");
    }

    /// <summary>False when the inspection asked for does not exist. With no inspection given, the latest (none: nothing to show).</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var id = InspectionId;
        if (id is null)
        {
            var latest = (Inspections.Count > 0 ? Inspections : await inspections.ChoicesAsync(ct))
                .OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).FirstOrDefault();
            if (latest is null)
            {
                return true;
            }

            id = latest.Id;
        }

        Compliance = await compliance.GetAsync(new Section55ComplianceQuery(id.Value, Status, ForceName), ct);
        return Compliance is not null;
    }

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// <summary>One CSV line; dates in ISO 8601, empty when there is none.</summary>
public sealed record Section55ComplianceCsvRow(
    string Force,
    string ForceName,
    string LocalPolicingBody,
    string DueOn,
    string PublishedOn,
    string Status,
    bool Late,
    int Answered,
    int Required,
    string ChiefOfficerInvitedOn,
    string CopiesSentToInspectorsOn,
    string CopiesSentToHomeSecretaryOn);
