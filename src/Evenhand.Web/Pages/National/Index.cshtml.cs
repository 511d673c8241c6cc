using System.Globalization;
using Evenhand.Data;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.National;

/// <summary>Forces × recommendations. National roles see all 43 forces; anyone else sees their own force's row only.</summary>
public sealed class IndexModel(NationalViewService national, InspectionService inspections, EvenhandDbContext db) : EvenhandPageModel
{
    [FromQuery(Name = "inspection")] public int? InspectionId { get; set; }
    [FromQuery(Name = "progress")] public ForceProgress? Progress { get; set; }
    [FromQuery(Name = "overdue")] public bool OverdueOnly { get; set; }

    public NationalMatrix? Matrix { get; private set; }
    public List<InspectionChoice> Inspections { get; private set; } = [];
    public bool IsNational => User.IsNational();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Inspections = await inspections.ChoicesAsync(ct);
        Matrix = await national.GetMatrixAsync(new NationalFilter(InspectionId, null, Progress, OverdueOnly), await db.VisibleForceIdsAsync(User, ct), ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var matrix = await national.GetMatrixAsync(new NationalFilter(InspectionId, null, Progress, OverdueOnly), await db.VisibleForceIdsAsync(User, ct), ct);
        if (matrix is null)
        {
            return NotFound();
        }

        var rows = matrix.Rows.SelectMany(r => matrix.Recommendations.Select(rec => new
        {
            Force = r.Force.Slug,
            ForceName = r.Force.Name,
            Recommendation = rec.Number,
            DueOn = rec.EffectiveDueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Progress = ForceResponse.Describe(r.Cells[rec.Id].Progress),
            Assessment = ForceResponse.Describe(r.Cells[rec.Id].Assessment),
            r.Cells[rec.Id].Overdue,
            Evidence = r.Cells[rec.Id].EvidenceCount,
        }));
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"national-view-{matrix.Inspection.PublishedOn:yyyy-MM-dd}.csv");
    }
}
