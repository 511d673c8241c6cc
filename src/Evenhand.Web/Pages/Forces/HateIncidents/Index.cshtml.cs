using Evenhand.Forces;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>The force's hate incidents, filtered and paged; never personal data.</summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery] public IncidentStatus? Status { get; set; }
    [FromQuery] public string? Outcome { get; set; }
    [FromQuery] public string? Characteristic { get; set; }
    [FromQuery] public string? Area { get; set; }
    [FromQuery] public string? Reference { get; set; }
    [FromQuery] public bool Overdue { get; set; }

    public Force Force => CurrentForce;
    public IncidentPage Results { get; private set; } = null!;
    public IReadOnlyList<string> KnownCharacteristics { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var policy = await policies.GetAsync(Force.Id, ct);
        KnownCharacteristics = policy.KnownCharacteristics(RuleSetRegistry.Get(policy.RuleSetOn(HateIncidentService.LondonDate(Now))));
        Results = await incidents.ListAsync(Force.Id, Query(PageNumber, PageSize), Now, ct);
    }

    /// <summary>The filtered list as CSV (no personal data): reference, dates, area, characteristics, outcome, codes.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var rows = new List<object>();
        for (var page = 1; ; page++)
        {
            var batch = await incidents.ListAsync(Force.Id, Query(page, 100), Now, ct);
            rows.AddRange(batch.Items.Select(i => new
            {
                i.Reference,
                ReportedAt = i.ReportedAt.ToString("u"),
                Channel = i.Channel.ToString(),
                OccurredAt = i.OccurredAt.ToString("u"),
                i.Area,
                Characteristics = string.Join(";", i.Characteristics),
                Status = i.Status.ToString(),
                Outcome = i.Classification,
                SpecialistReview = i.Assessment?.SpecialistReview,
                i.RuleSetId,
                i.OpeningCode,
                i.FinalisingCode,
                i.Deployed,
                ReviewDueAt = i.ReviewDueAt?.ToString("u"),
                ReviewedAt = i.ReviewedAt?.ToString("u"),
                PersonalDataDeletedAt = i.PersonalDataDeletedAt?.ToString("u"),
            }));
            if (page >= batch.Pages)
            {
                break;
            }
        }

        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"{Force.Slug}-hate-incidents.csv");
    }

    public string PageUrl(int page)
    {
        var q = new List<string>();
        if (Status is { } s) q.Add($"status={s}");
        if (!string.IsNullOrWhiteSpace(Outcome)) q.Add($"outcome={Uri.EscapeDataString(Outcome)}");
        if (!string.IsNullOrWhiteSpace(Characteristic)) q.Add($"characteristic={Uri.EscapeDataString(Characteristic)}");
        if (!string.IsNullOrWhiteSpace(Area)) q.Add($"area={Uri.EscapeDataString(Area)}");
        if (!string.IsNullOrWhiteSpace(Reference)) q.Add($"reference={Uri.EscapeDataString(Reference)}");
        if (Overdue) q.Add("overdue=true");
        q.Add($"page={page}");
        return $"{HateIncidentPages.Base(Force.Slug)}?{string.Join("&", q)}";
    }

    private IncidentQuery Query(int page, int size) => new(page, size, Status, Outcome, Characteristic, Area, Overdue, Reference);
}
