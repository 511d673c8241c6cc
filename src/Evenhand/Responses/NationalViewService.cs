using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Responses;

public sealed record NationalCell(ForceProgress Progress, AssessmentStatus Assessment, bool Overdue, int EvidenceCount, DateTimeOffset? UpdatedAt);

public sealed record NationalRow(Force Force, IReadOnlyDictionary<int, NationalCell> Cells);

/// <summary>Forces × force-applicable recommendations of one inspection.</summary>
public sealed record NationalMatrix(Inspection Inspection, IReadOnlyList<Recommendation> Recommendations, IReadOnlyList<NationalRow> Rows)
{
    /// <summary>Per recommendation, in the order of <see cref="Recommendations"/>: how many of the forces in <see cref="Rows"/> are at each progress and assessment status.</summary>
    public IReadOnlyList<RecommendationTotals> Totals { get; } = Recommendations.Select(r => RecommendationTotals.Of(r, Rows.Select(row => row.Cells[r.Id]))).ToList();
}

/// <summary>One recommendation's cells counted across forces; every status is present, with 0 where no force is at it.</summary>
public sealed record RecommendationTotals(
    Recommendation Recommendation,
    IReadOnlyDictionary<ForceProgress, int> ByProgress,
    IReadOnlyDictionary<AssessmentStatus, int> ByAssessment,
    int Overdue,
    int Forces)
{
    public static RecommendationTotals Of(Recommendation recommendation, IEnumerable<NationalCell> cells)
    {
        var list = cells.ToList();
        return new RecommendationTotals(
            recommendation,
            Enum.GetValues<ForceProgress>().ToDictionary(p => p, p => list.Count(c => c.Progress == p)),
            Enum.GetValues<AssessmentStatus>().ToDictionary(a => a, a => list.Count(c => c.Assessment == a)),
            list.Count(c => c.Overdue),
            list.Count);
    }
}

public sealed record NationalFilter(int? InspectionId = null, string? ForceSlug = null, ForceProgress? Progress = null, bool OverdueOnly = false);

/// <summary>The national view: every force's status on every force recommendation, for the inspectorate.</summary>
public sealed class NationalViewService(EvenhandDbContext db, TimeProvider time)
{
    public async Task<NationalMatrix?> GetMatrixAsync(NationalFilter filter, IReadOnlyCollection<int>? visibleForceIds, CancellationToken ct = default)
    {
        var inspection = filter.InspectionId is { } id
            ? await db.Inspections.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct)
            : await db.Inspections.AsNoTracking().OrderByDescending(i => i.PublishedOn).ThenByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        if (inspection is null)
        {
            return null;
        }

        var recs = await db.Recommendations.AsNoTracking().Where(r => r.InspectionId == inspection.Id && r.AppliesToForces).OrderBy(r => r.Number).ToListAsync(ct);
        var forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        if (visibleForceIds is not null)
        {
            forces = forces.Where(f => visibleForceIds.Contains(f.Id)).ToList();
        }

        if (!string.IsNullOrEmpty(filter.ForceSlug))
        {
            forces = forces.Where(f => f.Slug == filter.ForceSlug).ToList();
        }

        var plans = await db.ForceResponses.AsNoTracking()
            .Where(p => p.Recommendation!.InspectionId == inspection.Id)
            .Select(p => new { p.ForceId, p.RecommendationId, p.Progress, p.Assessment, p.UpdatedAt, Evidence = p.Evidence.Count })
            .ToListAsync(ct);
        var today = time.Today();
        var byForce = plans.ToLookup(p => p.ForceId);
        var rows = new List<NationalRow>();
        foreach (var force in forces)
        {
            var cells = new Dictionary<int, NationalCell>();
            foreach (var rec in recs)
            {
                var p = byForce[force.Id].FirstOrDefault(x => x.RecommendationId == rec.Id);
                var progress = p?.Progress ?? ForceProgress.NotStarted;
                cells[rec.Id] = new NationalCell(progress, p?.Assessment ?? AssessmentStatus.NotAssessed,
                    DeadlineRules.IsOverdue(rec.EffectiveDueDate, today, progress == ForceProgress.Complete), p?.Evidence ?? 0, p?.UpdatedAt);
            }

            if (filter.Progress is { } wanted && !cells.Values.Any(c => c.Progress == wanted))
            {
                continue;
            }

            if (filter.OverdueOnly && !cells.Values.Any(c => c.Overdue))
            {
                continue;
            }

            rows.Add(new NationalRow(force, cells));
        }

        return new NationalMatrix(inspection, recs, rows);
    }

    /// <summary>One recommendation across every (visible) force, with evidence.</summary>
    public Task<List<ForceResponse>> ForRecommendationAsync(int recommendationId, IReadOnlyCollection<int>? visibleForceIds, CancellationToken ct = default) =>
        db.ForceResponses.AsNoTracking()
            .Where(p => p.RecommendationId == recommendationId && (visibleForceIds == null || visibleForceIds.Contains(p.ForceId)))
            .Include(p => p.Force)
            .Include(p => p.Evidence)
            .OrderBy(p => p.Force!.Name)
            .AsSplitQuery()
            .ToListAsync(ct);
}
