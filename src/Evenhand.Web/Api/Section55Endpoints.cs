using Evenhand.Common;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Web.Api;

/// <summary>
/// The national section 55 view in the JSON API: for one inspection, every force's local policing body with its last day,
/// publication, answers and copies sent. The inspectorate and administrators only; force users get 403.
/// </summary>
public static class Section55Endpoints
{
    /// <summary>Maps the endpoints onto the /api/v1 group (which already requires sign-in and turns domain errors into problems).</summary>
    public static void MapSection55Api(this RouteGroupBuilder api)
    {
        api.MapGet("/inspections/{id:int}/section55", async (int id, Section55ComplianceFilter? status, string? force, Section55ComplianceService s, CancellationToken ct) =>
            {
                var compliance = await s.GetAsync(new Section55ComplianceQuery(id, status ?? Section55ComplianceFilter.All, force), ct)
                    ?? throw new NotFoundException($"There is no inspection {id}.");
                return compliance.Rows.Select(Section55ComplianceDto.From).ToList();
            })
            .RequireAuthorization(Policies.SeeAllForces)
            .WithSummary("Section 55 across every force for one inspection: last day (s.55(5A)), publication, late, answered of required " +
                         "recommendations, chief officer invited, copies sent (s.55(6)). Optional status (Published, NotYetPublished, Late, " +
                         "CopiesMissing) and force (part of the name) filters. Inspectorate and administrators only.");
    }
}

/// <param name="Force">The force's slug.</param>
/// <param name="Late">Published after <paramref name="DueOn"/>, or not published and the UK date today is after it.</param>
/// <param name="Required">Recommendations the response must answer; <paramref name="Answered"/> of them have an answer.</param>
public sealed record Section55ComplianceDto(
    string Force,
    string ForceName,
    string LocalPolicingBody,
    DateOnly DueOn,
    DateOnly? PublishedOn,
    bool Late,
    Section55ComplianceStatus Status,
    int Answered,
    int Required,
    DateOnly? ChiefOfficerInvitedOn,
    DateOnly? CopiesSentToInspectorsOn,
    DateOnly? CopiesSentToHomeSecretaryOn)
{
    public static Section55ComplianceDto From(Section55ComplianceRow r) => new(
        r.Force.Slug, r.Force.Name, r.Force.LocalPolicingBody, r.DueOn, r.PublishedOn, r.Late, r.Status, r.Answered, r.Required,
        r.ChiefOfficerInvitedOn, r.CopiesSentToInspectorsOn, r.CopiesSentToHomeSecretaryOn);
}
