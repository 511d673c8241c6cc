using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;

namespace Evenhand.Web.Api;

/// <summary>
/// Hate incidents in the JSON API: the force's incidents (paged) and one incident, never with personal data; and the
/// stateless assessment (answers in, decision out), in the same JSON as <c>evenhand incidents assess --json</c>.
/// </summary>
public static class HateIncidentEndpoints
{
    /// <summary>Maps the endpoints onto the /api/v1 group (which already requires sign-in, turns domain errors into problems and checks antiforgery on writes).</summary>
    public static void MapHateIncidentApi(this RouteGroupBuilder api)
    {
        var force = api.MapGroup("/forces/{slug}/hate-incidents")
            .AddEndpointFilter(EvenhandApi.ForceScope)
            .RequireAuthorization(Policies.RecordHateIncidents);

        force.MapGet("/", async (HttpContext http, HateIncidentService s, TimeProvider time, int? page, int? pageSize, IncidentStatus? status, string? outcome,
                string? characteristic, bool? overdue, CancellationToken ct) =>
            {
                var now = time.GetUtcNow();
                var result = await s.ListAsync(http.CurrentForce().Id,
                    new IncidentQuery(page ?? 1, pageSize ?? 25, status, outcome, characteristic, null, overdue ?? false), now, ct);
                return new IncidentPageDto(result.Page, result.PageSize, result.Total, result.Pages, result.Items.Select(i => IncidentSummaryDto.From(i, now)).ToList());
            })
            .WithSummary("The force's hate incidents, newest first, paged (pageSize up to 100). No personal data.");

        force.MapGet("/due-work", async (HttpContext http, HateIncidentService s, TimeProvider time, CancellationToken ct) =>
                new DueWorkDto((await s.DueWorkAsync(http.CurrentForce().Id, time.GetUtcNow(), ct))
                    .Select(d => new DueWorkItemDto(DueWorkItem.KindKey(d.Kind), d.Reference, d.Classification, d.DueOn, d.Overdue))
                    .ToList()))
            .WithSummary("The work due on the force's hate incidents (the review queue's lists): kind (review, tell-subject, reply-to-subject, " +
                "retention-review, purge), reference, classification, date due and whether it is overdue. Telling, replies, retention reviews and " +
                "purges are for NCHIs only, never hate crimes. No personal data.");

        force.MapGet("/{id:int}", async (int id, HttpContext http, HateIncidentService s, TimeProvider time, CancellationToken ct) =>
                IncidentDetailDto.From(await s.GetAsync(http.CurrentForce().Id, id, ct), time.GetUtcNow()))
            .WithSummary("One hate incident: assessment and reasons, decisions, codes and history. No personal data.");

        api.MapPost("/hate-incidents/assess", (AssessRequest body) =>
            {
                var ruleSet = RuleSetRegistry.TryGet(body.RuleSet ?? RuleSetRegistry.DefaultId, out var r) ? r : null;
                if (ruleSet is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown rule set",
                        detail: $"There is no rule set '{body.RuleSet}'. Known: {string.Join(", ", RuleSetRegistry.All.Select(x => x.Id))}.");
                }

                if (body.PerceivedHostility is null || body.IsCrime is null)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing answers",
                        detail: "perceivedHostility and isCrime must be answered (true or false).");
                }

                try
                {
                    var d = ruleSet.Assess(new AssessmentAnswers(body.Characteristics ?? [], body.PerceivedHostility.Value, body.IsCrime.Value,
                        body.TrivialIrrationalOrMalicious, body.SchoolChildrenOnSchoolPremises, body.LawfulFreedomOfExpression,
                        body.RealRiskOfSignificantHarm, body.RealRiskOfFutureOffence, body.ImmediateRisk)
                    {
                        BasisToConcludeIntentionalHostility = body.BasisToConcludeIntentionalHostility,
                    }, body.ForceCharacteristics);
                    return Results.Ok(new AssessResponse(d.Outcome.ToKey(), d.SubjectPersonalDataAllowed, d.SpecialistReview.ToKey(), d.Reasons, d.RuleSetId, d.RationaleRequired));
                }
                catch (ArgumentException e)
                {
                    return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid answers", detail: e.Message);
                }
            })
            .WithSummary("Applies the assessment rules to one case (nothing is stored): outcome, whether the subject's personal data may be recorded, specialist review and reasons.");
    }
}

/// <summary>The answers, with the same keys as the CLI's input file. <c>forceCharacteristics</c>: characteristics a force adds.</summary>
public sealed record AssessRequest(
    IReadOnlyList<string>? Characteristics,
    bool? PerceivedHostility,
    bool? IsCrime,
    bool TrivialIrrationalOrMalicious = false,
    bool SchoolChildrenOnSchoolPremises = false,
    bool LawfulFreedomOfExpression = false,
    bool RealRiskOfSignificantHarm = false,
    bool RealRiskOfFutureOffence = false,
    bool ImmediateRisk = false,
    string? RuleSet = null,
    IReadOnlyList<string>? ForceCharacteristics = null,
    bool? BasisToConcludeIntentionalHostility = null);

/// <summary>Same shape as <c>evenhand incidents assess --json</c>.</summary>
public sealed record AssessResponse(string Outcome, bool SubjectPersonalDataAllowed, string SpecialistReview, IReadOnlyList<string> Reasons, string RuleSet, bool RationaleRequired);

/// <summary>The due-work list: <c>{"items":[{"kind","reference","classification","dueOn","overdue"}]}</c>.</summary>
public sealed record DueWorkDto(IReadOnlyList<DueWorkItemDto> Items);

/// <summary>One item of due work. For a purge, <c>dueOn</c> is the day the purge was asked for.</summary>
public sealed record DueWorkItemDto(string Kind, string Reference, string? Classification, DateOnly? DueOn, bool Overdue);

public sealed record IncidentPageDto(int Page, int PageSize, int Total, int Pages, IReadOnlyList<IncidentSummaryDto> Items);

public sealed record IncidentSummaryDto(int Id, string Reference, DateTimeOffset ReportedAt, string Channel, DateTimeOffset OccurredAt, string Area,
    IReadOnlyList<string> Characteristics, string Status, string? Outcome, string? SpecialistReview, DateTimeOffset? ReviewDueAt, bool ReviewOverdue,
    string? OpeningCode, string? FinalisingCode, bool? Deployed, Guid Version)
{
    public static IncidentSummaryDto From(HateIncident i, DateTimeOffset now) => new(i.Id, i.Reference, i.ReportedAt, i.Channel.ToString(), i.OccurredAt, i.Area,
        i.Characteristics, i.Status.ToString(), i.Classification, i.Assessment?.SpecialistReview, i.ReviewDueAt, i.IsReviewOverdue(now),
        i.OpeningCode, i.FinalisingCode, i.Deployed, i.Version);
}

/// <summary>One incident without personal data: <see cref="SubjectPersonalDataHeld"/> says whether any is held, never what.</summary>
public sealed record IncidentDetailDto(IncidentSummaryDto Incident, string? LocationDescription, string PerceivedBy, bool ImmediateRisk, bool SafeguardingConcern,
    string? RuleSet, IReadOnlyList<string> Reasons, bool SubjectPersonalDataAllowed, bool ComplainantRecorded, bool SubjectPersonalDataHeld,
    DateTimeOffset? PersonalDataDeletedAt, DateTimeOffset? ReviewedAt, DateOnly? RetentionReviewDueOn, IReadOnlyList<object> History)
{
    public static IncidentDetailDto From(HateIncident i, DateTimeOffset now) => new(IncidentSummaryDto.From(i, now), i.LocationDescription, i.PerceivedBy.ToString(),
        i.ImmediateRisk, i.SafeguardingConcern, i.RuleSetId, i.Assessment?.Reasons ?? [], i.Assessment?.SubjectPersonalDataAllowed ?? false,
        i.HoldsComplainantDetails, i.HoldsSubjectPersonalData, i.PersonalDataDeletedAt, i.ReviewedAt, i.RetentionReviewDueOn,
        i.History.OrderBy(h => h.At).ThenBy(h => h.Id).Select(h => (object)new { h.At, h.By, h.Event, h.FromOutcome, h.ToOutcome }).ToList());
}
