using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Responses;

public sealed record AnswerOptions(int RecommendationId, Section55Stance? Stance, string? Text);

public sealed record UpdateSection55Options(Guid Version, Section55Details Details, IReadOnlyList<AnswerOptions> Answers);

public sealed record PublishOptions(Guid Version, DateOnly? PublishedOn, string? PublicUrl);

public sealed record CopiesSentOptions(Guid Version, DateOnly? ToInspectorate, DateOnly? ToHomeSecretary);

public sealed record CorrectOptions(Guid Version, Section55CorrectionOptions Correction);

/// <summary>
/// A section 55 response with the inspection's recommendations: those that put a duty on the force (which it must answer,
/// s.55(5B)) and the rest (which it may comment on).
/// </summary>
public sealed record Section55View(Section55Response Response, IReadOnlyList<Recommendation> ForceRecommendations, IReadOnlyList<Recommendation> OtherRecommendations)
{
    public IReadOnlyList<Recommendation> Gaps => Response.Gaps(ForceRecommendations);

    /// <summary>What s.55 still needs before publication, each against its field; empty when it may be published.</summary>
    public IReadOnlyList<FieldError> Missing => Response.MissingForPublication(ForceRecommendations);

    public IEnumerable<Recommendation> AllRecommendations => ForceRecommendations.Concat(OtherRecommendations).OrderBy(r => r.Number);

    public Section55Item? ItemFor(Recommendation r) => Response.ItemFor(r.Id);
}

/// <summary>Writes and publishes the PCC's section 55 response.</summary>
public sealed class Section55Service(EvenhandDbContext db)
{
    public Task<List<Section55Response>> ListForForceAsync(int forceId, CancellationToken ct = default) =>
        db.Section55Responses.AsNoTracking()
            .Where(r => r.ForceId == forceId)
            .Include(r => r.Inspection).ThenInclude(i => i!.Recommendations)
            .Include(r => r.Items)
            .AsSplitQuery()
            .OrderByDescending(r => r.Inspection!.PublishedOn)
            .ToListAsync(ct);

    /// <summary>The force's responses to some inspections (a page of them), with their answers and inspection (not its recommendations).</summary>
    public Task<List<Section55Response>> ListForInspectionsAsync(int forceId, IReadOnlyCollection<int> inspectionIds, CancellationToken ct = default) =>
        db.Section55Responses.AsNoTracking()
            .Where(r => r.ForceId == forceId && inspectionIds.Contains(r.InspectionId))
            .Include(r => r.Inspection)
            .Include(r => r.Items)
            .AsSplitQuery()
            .ToListAsync(ct);

    /// <summary>The force's response to an inspection; an empty draft is started (and saved) the first time it is opened.</summary>
    public async Task<Section55View> GetOrStartAsync(int forceId, int inspectionId, ProcessContext ctx, CancellationToken ct = default)
    {
        var existing = await FindAsync(forceId, inspectionId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var force = await db.Forces.SingleOrDefaultAsync(f => f.Id == forceId, ct) ?? throw new NotFoundException("Force not found.");
        var inspection = await db.Inspections.SingleOrDefaultAsync(i => i.Id == inspectionId, ct) ?? throw new NotFoundException("Inspection not found.");
        var response = Section55Response.Start(force, inspection);
        db.Section55Responses.Add(response);
        await db.SaveChangesAsync(ct);
        AuditLog.Record(db, ctx, "Created", nameof(Section55Response), response.Id, forceId);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(forceId, inspectionId, ct))!;
    }

    public async Task<Section55View?> FindAsync(int forceId, int inspectionId, CancellationToken ct = default)
    {
        var response = await db.Section55Responses
            .Include(r => r.Force)
            .Include(r => r.Inspection)
            .Include(r => r.Items).ThenInclude(i => i.Recommendation)
            .Include(r => r.Corrections)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.ForceId == forceId && r.InspectionId == inspectionId, ct);
        if (response is null)
        {
            return null;
        }

        var recs = await db.Recommendations.Where(r => r.InspectionId == inspectionId).OrderBy(r => r.Number).ToListAsync(ct);
        return new Section55View(response, recs.Where(r => r.AppliesToForces).ToList(), recs.Where(r => !r.AppliesToForces).ToList());
    }

    /// <summary>Published responses are public: no force check, but drafts are never returned.</summary>
    public async Task<Section55View?> FindPublishedAsync(string forceSlug, int inspectionId, CancellationToken ct = default)
    {
        var force = await db.Forces.AsNoTracking().SingleOrDefaultAsync(f => f.Slug == forceSlug, ct);
        if (force is null)
        {
            return null;
        }

        var view = await FindAsync(force.Id, inspectionId, ct);
        return view is { Response.IsPublished: true } ? view : null;
    }

    public Task<Section55View> UpdateAsync(int forceId, int inspectionId, UpdateSection55Options o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, inspectionId, o.Version, "Updated", ctx, view =>
        {
            var answers = o.Answers.Select(a => (
                view.AllRecommendations.FirstOrDefault(x => x.Id == a.RecommendationId)
                    ?? throw new DomainRuleException("That recommendation is not part of this inspection."),
                a.Stance, a.Text)).ToList();
            view.Response.Edit(o.Details, answers, UkTime.Date(ctx.Now), ctx);
        }, ct);

    public Task<Section55View> PublishAsync(int forceId, int inspectionId, PublishOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, inspectionId, o.Version, "Published", ctx,
            view => view.Response.Publish(o.PublishedOn, o.PublicUrl, view.ForceRecommendations, UkTime.Date(ctx.Now), ctx), ct);

    public Task<Section55View> RecordCopiesSentAsync(int forceId, int inspectionId, CopiesSentOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, inspectionId, o.Version, "CopiesSent", ctx,
            view => view.Response.RecordCopiesSent(o.ToInspectorate, o.ToHomeSecretary, UkTime.Date(ctx.Now), ctx), ct);

    /// <summary>A dated, audited correction to a published response (the earlier wording stays in the correction and the audit trail).</summary>
    public Task<Section55View> CorrectAsync(int forceId, int inspectionId, CorrectOptions o, ProcessContext ctx, CancellationToken ct = default) =>
        ChangeAsync(forceId, inspectionId, o.Version, "Corrected", ctx,
            view => view.Response.Correct(o.Correction, view.AllRecommendations.ToList(), UkTime.Date(ctx.Now), ctx), ct);

    /// <summary>Loads the response, refuses a stale version, applies the change, and saves it with its audit entry.</summary>
    private async Task<Section55View> ChangeAsync(int forceId, int inspectionId, Guid version, string action, ProcessContext ctx, Action<Section55View> change, CancellationToken ct)
    {
        var view = await FindAsync(forceId, inspectionId, ct) ?? throw new NotFoundException("This force has not started a response to that inspection.");
        view.Response.EnsureVersion(version);
        var before = Snapshot(view.Response);
        change(view);
        await SaveAsync(view.Response, action, before, ctx, ct);
        return view;
    }

    private async Task SaveAsync(Section55Response r, string action, object before, ProcessContext ctx, CancellationToken ct)
    {
        AuditLog.Record(db, ctx, action, nameof(Section55Response), r.Id, r.ForceId, before, Snapshot(r));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConcurrencyConflictException();
        }
    }

    private static object Snapshot(Section55Response r) => new
    {
        r.ChiefOfficerInvitedOn,
        r.ChiefOfficerCommentsDueOn,
        r.ChiefOfficerCommentsReceivedOn,
        r.ChiefOfficerComments,
        r.ChiefOfficerNoCommentsNote,
        r.ResponseToChiefOfficerComments,
        r.PccComments,
        r.PublishedOn,
        r.PublicUrl,
        r.SentToInspectorateOn,
        r.SentToHomeSecretaryOn,
        Items = r.Items.Select(i => new { i.RecommendationId, Stance = i.Stance?.ToString(), i.Text }).ToList(),
        Corrections = r.Corrections.Select(c => new { c.Part, c.RecommendationNumber, c.Notice, c.CorrectedOn, c.PreviousText, c.NewText }).ToList(),
    };
}
