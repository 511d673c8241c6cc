using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Api;

/// <summary>The JSON API under /api/v1. Same authorisation as the pages: signed in, and force-scoped on every force route.</summary>
public static class EvenhandApi
{
    public static void MapEvenhandApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireAuthorization().AddEndpointFilter(ApiProblems.Filter).AddEndpointFilter(ValidateAntiforgeryOnWrites);
        api.MapGet("/antiforgery", (HttpContext http, IAntiforgery af) => Results.Ok(new { token = af.GetAndStoreTokens(http).RequestToken, header = "X-CSRF-TOKEN" }))
            .WithSummary("Token to send in the X-CSRF-TOKEN header on POST requests.");

        api.MapGet("/forces", async (EvenhandDbContext db, CancellationToken ct) =>
            (await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct)).Select(ForceDto.From))
            .WithSummary("The 43 territorial police forces and their local policing bodies.");

        api.MapGet("/inspections", async (InspectionService s, CancellationToken ct) =>
            (await s.ListAsync(ct)).Select(InspectionDto.From))
            .WithSummary("Every inspection with its recommendations, deadlines and addressees.");
        api.MapGet("/inspections/{id:int}", async (int id, InspectionService s, CancellationToken ct) =>
            InspectionDto.From(await s.GetAsync(id, ct)))
            .WithSummary("One inspection with its recommendations, deadlines, addressees and section 55 due date.");

        var force = api.MapGroup("/forces/{slug}").AddEndpointFilter(ForceScope);
        force.MapGet("/recommendations", async (HttpContext http, ForceResponseService s, TimeProvider time, CancellationToken ct) =>
            (await s.ListForForceAsync(http.CurrentForce().Id, ct)).Select(p => PlanDto.From(p, Today(time))))
            .WithSummary("The force's action plans for every recommendation that applies to forces.");
        force.MapGet("/recommendations/{recommendationId:int}", async (int recommendationId, HttpContext http, ForceResponseService s, TimeProvider time, CancellationToken ct) =>
            PlanDetailDto.From(await s.GetAsync(http.CurrentForce().Id, recommendationId, ct), Today(time)))
            .WithSummary("The force's action plan for one recommendation: progress, leads, actions, evidence, meetings and timeline.");
        force.MapPost("/recommendations/{recommendationId:int}/progress", async (int recommendationId, ProgressRequest body, HttpContext http, ForceResponseService s, TimeProvider time, CancellationToken ct) =>
            {
                var plan = await s.UpdateProgressAsync(http.CurrentForce().Id, recommendationId,
                    new UpdateProgressOptions(body.Version, body.Progress, body.EvidenceText, body.EvidenceUrl, null), http.User.ToProcessContext(time), ct);
                return PlanDetailDto.From(plan, Today(time));
            })
            .RequireAuthorization(Policies.EditPlans)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithSummary("Updates the force's progress, optionally adding evidence. Send the version you read; a stale version gets 409.");
        force.MapGet("/responses", async (HttpContext http, Section55Service s, TimeProvider time, CancellationToken ct) =>
            (await s.ListForForceAsync(http.CurrentForce().Id, ct)).Select(r => Section55SummaryDto.From(r, Today(time))))
            .RequireAuthorization(Policies.ReadSection55Drafts)
            .WithSummary("The force's section 55 responses: due date (the last of the 56 days beginning with the report's publication), published date, answers.");

        api.MapHateIncidentApi();
        api.MapMyWorkApi();
        api.MapSection55Api();

        // Open data for published responses: no sign-in.
        app.MapGet("/public/{slug}/responses/{inspectionId:int}/statuses.json", async (string slug, int inspectionId, Section55Service s55, ForceResponseService plans, CancellationToken ct) =>
            await PublicResponseAsync(slug, inspectionId, s55, plans, ct) is { } response ? Results.Ok(response) : Results.NotFound())
            .AllowAnonymous().WithSummary("The published section 55 response: the body's comments, the chief officer's comments and the body's response to them, corrections, and per recommendation the stance, answer and the force's status.");
        app.MapGet("/public/{slug}/responses/{inspectionId:int}/statuses.csv", async (string slug, int inspectionId, Section55Service s55, ForceResponseService plans, CancellationToken ct) =>
            await PublicResponseAsync(slug, inspectionId, s55, plans, ct) is { } response
                ? Results.File(Csv.Write(response.Recommendations.Select(r => PublicStatusCsvRow.From(r, response))), "text/csv; charset=utf-8", $"{slug}-recommendation-statuses.csv")
                : Results.NotFound())
            .AllowAnonymous().WithSummary("The published section 55 response as CSV: one row per recommendation, with the response's shared parts on each row.");
    }

    /// <summary>Today in the UK (Europe/London), whatever the server's own time zone: deadlines and "late" are UK dates.</summary>
    public static DateOnly Today(TimeProvider time) => UkTime.Date(time.GetUtcNow());

    private static async Task<PublicResponseDto?> PublicResponseAsync(string slug, int inspectionId, Section55Service s55, ForceResponseService plans, CancellationToken ct)
    {
        var view = await s55.FindPublishedAsync(slug, inspectionId, ct);
        if (view is null)
        {
            return null;
        }

        var forcePlans = (await plans.ListForInspectionAsync(view.Response.ForceId, inspectionId, ct)).ToDictionary(p => p.RecommendationId);
        var r = view.Response;
        // Every recommendation that puts a duty on the force, and any other the body chose to comment on.
        var recs = view.AllRecommendations.Where(rec => rec.AppliesToForces || view.ItemFor(rec)?.Text is not null);
        return new PublicResponseDto(
            r.Force!.Slug, r.Force.LocalPolicingBody, r.Inspection!.Title, r.Inspection.PublishedOn, r.DueOn, r.PublishedOn!.Value, r.PublicUrl,
            r.PccComments, r.ChiefOfficerInvitedOn, r.ChiefOfficerComments ?? r.ChiefOfficerNoCommentsNote, r.ResponseToChiefOfficerComments,
            r.SentToInspectorateOn, r.SentToHomeSecretaryOn,
            r.Corrections.OrderBy(c => c.CorrectedAt).Select(c => new PublicCorrectionDto(c.CorrectedOn, c.PartDescription, c.RecommendationNumber, c.Notice, c.PreviousText)).ToList(),
            recs.Select(rec =>
            {
                var plan = forcePlans.GetValueOrDefault(rec.Id);
                var item = view.ItemFor(rec);
                return new PublicStatusDto(rec.Number, rec.Text, rec.EffectiveDueDate,
                    ForceResponse.Describe(plan?.Progress ?? ForceProgress.NotStarted), ForceResponse.Describe(plan?.Assessment ?? AssessmentStatus.NotAssessed),
                    PublicStatusDto.StanceCode(item?.Stance), item?.Text,
                    r.Corrections.Where(c => c.RecommendationId == rec.Id).Select(c => (DateOnly?)c.CorrectedOn).Max());
            }).ToList());
    }

    internal static async ValueTask<object?> ForceScope(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        var db = http.RequestServices.GetRequiredService<EvenhandDbContext>();
        var force = await ForceScopeFilter.ResolveAsync(db, http, http.GetRouteValue("slug") as string);
        if (force is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found",
                detail: "There is no force with that name, or you do not have access to it.");
        }

        http.Items[ForceScopeFilter.ItemKey] = force;
        return await next(ctx);
    }

    internal static async ValueTask<object?> ValidateAntiforgeryOnWrites(EndpointFilterInvocationContext ctx, EndpointFilterDelegate next)
    {
        var http = ctx.HttpContext;
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            var af = http.RequestServices.GetRequiredService<IAntiforgery>();
            if (!await af.IsRequestValidAsync(http))
            {
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Missing anti-forgery token",
                    detail: "Get a token from GET /api/v1/antiforgery and send it in the X-CSRF-TOKEN header.");
            }
        }

        return await next(ctx);
    }
}

public sealed record ForceDto(string Slug, string Name, string LocalPolicingBody, string LocalPolicingBodyType, string Country)
{
    public static ForceDto From(Force f) => new(f.Slug, f.Name, f.LocalPolicingBody, f.LocalPolicingBodyType.ToString(), f.Country);
}

public sealed record RecommendationDto(int Id, int Number, string Text, string? Chapter, IReadOnlyList<string> Addressees, bool AppliesToForces,
    DateOnly? DueDate, string? DueRule, DateOnly? EffectiveDueDate)
{
    public static RecommendationDto From(Recommendation r) =>
        new(r.Id, r.Number, r.Text, r.Chapter, r.Addressees, r.AppliesToForces, r.DueDate, r.DueRuleDescription, r.EffectiveDueDate);
}

public sealed record InspectionDto(int Id, string Title, string Publisher, DateOnly Published, string Type, DateOnly Section55DueOn, IReadOnlyList<RecommendationDto> Recommendations)
{
    public static InspectionDto From(Inspection i) => new(i.Id, i.Title, i.Publisher, i.PublishedOn, i.Type.ToString(), i.Section55DueOn,
        i.Recommendations.OrderBy(r => r.Number).Select(RecommendationDto.From).ToList());
}

public sealed record PlanDto(int RecommendationId, int Number, string Inspection, string Progress, string Assessment, DateOnly? DueOn, bool Overdue, int Evidence, Guid Version)
{
    public static PlanDto From(ForceResponse p, DateOnly today) => new(p.RecommendationId, p.Recommendation!.Number, p.Recommendation.Inspection!.Title,
        p.Progress.ToString(), p.Assessment.ToString(), p.Recommendation.EffectiveDueDate, p.IsOverdue(today), p.Evidence.Count, p.Version);
}

public sealed record EvidenceDto(int Id, string Kind, string? Text, string? Url, string? FileName, string AddedBy, DateTimeOffset AddedAt);

public sealed record PlanDetailDto(PlanDto Plan, RecommendationDto Recommendation, string? DefinitionOfDone, string? ExecutiveLead, string? DeliveryLead,
    IReadOnlyList<EvidenceDto> Evidence, IReadOnlyList<object> Actions, IReadOnlyList<object> Meetings, IReadOnlyList<object> Timeline)
{
    public static PlanDetailDto From(ForceResponse p, DateOnly today) => new(
        PlanDto.From(p, today), RecommendationDto.From(p.Recommendation!), p.DefinitionOfDone, p.ExecutiveLead, p.DeliveryLead,
        p.Evidence.Select(e => new EvidenceDto(e.Id, e.Kind.ToString(), e.Text, e.Url, e.FileName, e.AddedBy, e.AddedAt)).ToList(),
        p.Actions.Select(a => (object)new { a.Id, a.Description, a.Owner, a.DueOn, Status = a.Status.ToString() }).ToList(),
        p.Meetings.Select(m => (object)new { m.Board, m.HeldOn, m.Decision }).ToList(),
        p.Timeline.OrderBy(t => t.At).Select(t => (object)new { t.At, t.By, t.Change }).ToList());
}

public sealed record ProgressRequest(Guid Version, ForceProgress Progress, string? EvidenceText, string? EvidenceUrl);

/// <summary>A force's response to one inspection: <see cref="Answered"/> of the <see cref="Required"/> recommendations that bind the force (s.55(5B)).</summary>
public sealed record Section55SummaryDto(int InspectionId, string Inspection, DateOnly DueOn, DateOnly? PublishedOn, bool Late, string? PublicUrl, int Answered, int Required)
{
    public static Section55SummaryDto From(Section55Response r, DateOnly today)
    {
        var required = r.Inspection!.Recommendations.Where(x => x.AppliesToForces).ToList();
        return new(r.InspectionId, r.Inspection.Title, r.DueOn, r.PublishedOn, r.IsLate(today), r.PublicUrl, required.Count - r.Gaps(required).Count, required.Count);
    }
}

/// <summary>One recommendation in the published response. <see cref="Stance"/>: "action", "no-action", or null when not answered.</summary>
public sealed record PublicStatusDto(int Recommendation, string Text, DateOnly? DueOn, string Progress, string Assessment, string? Stance, string? PccResponse, DateOnly? CorrectedOn)
{
    public static string? StanceCode(Section55Stance? stance) => stance switch
    {
        Section55Stance.ActionTakenOrProposed => "action",
        Section55Stance.NoActionWithReason => "no-action",
        _ => null,
    };
}

public sealed record PublicCorrectionDto(DateOnly CorrectedOn, string Part, int? Recommendation, string Notice, string? PreviousText);

/// <summary>The published section 55 response as open data (s.55(5): the body's comments, the chief officer's, and the body's response to them).</summary>
public sealed record PublicResponseDto(
    string Force, string LocalPolicingBody, string Inspection, DateOnly ReportPublishedOn, DateOnly DueOn, DateOnly PublishedOn, string? PublicUrl,
    string? Comments, DateOnly? ChiefOfficerInvitedOn, string? ChiefOfficerComments, string? ResponseToChiefOfficerComments,
    DateOnly? CopiesSentToInspectorsOn, DateOnly? CopiesSentToHomeSecretaryOn,
    IReadOnlyList<PublicCorrectionDto> Corrections, IReadOnlyList<PublicStatusDto> Recommendations);

/// <summary>A row of the public CSV: one recommendation, with the response's shared parts repeated so each row stands alone.</summary>
public sealed record PublicStatusCsvRow(int Recommendation, string Text, DateOnly? DueOn, string Progress, string Assessment, string? Stance, string? PccResponse,
    DateOnly? CorrectedOn, DateOnly PublishedOn, string? ChiefOfficerComments, string? ResponseToChiefOfficerComments)
{
    public static PublicStatusCsvRow From(PublicStatusDto s, PublicResponseDto r) => new(s.Recommendation, s.Text, s.DueOn, s.Progress, s.Assessment, s.Stance,
        s.PccResponse, s.CorrectedOn, r.PublishedOn, r.ChiefOfficerComments, r.ResponseToChiefOfficerComments);
}
