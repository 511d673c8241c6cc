using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents;

/// <summary>
/// The force's hate incidents, filtered, most recent report first, paged by key (<c>after</c>, <c>before</c>, <c>last</c>;
/// see <see cref="IncidentKey"/>) so the last page costs what the first does; and the filtered list as CSV, streamed.
/// Never personal data.
/// </summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, EvenhandDbContext db, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 25;

    /// <summary>The page number to show (carried in the links).</summary>
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery] public IncidentStatus? Status { get; set; }
    [FromQuery] public string? Outcome { get; set; }
    [FromQuery] public string? Characteristic { get; set; }
    [FromQuery] public string? Area { get; set; }
    [FromQuery] public string? Reference { get; set; }
    [FromQuery] public bool Overdue { get; set; }

    public Force Force => CurrentForce;
    public KeysetPage<HateIncident> Results { get; private set; } = null!;
    public PageLinks Links { get; private set; } = null!;
    public IReadOnlyList<string> KnownCharacteristics { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        var policy = await policies.GetAsync(Force.Id, ct);
        KnownCharacteristics = policy.KnownCharacteristics(RuleSetRegistry.Get(policy.RuleSetOn(HateIncidentService.LondonDate(Now))));
        Results = await incidents.PageAsync(Force.Id, Query(), PageRequest.Parse(After, Before, Last, PageNumber, PageSize, IncidentKey.Parse), Now, ct);
        Links = PageLinks.For(Results, i => new IncidentKey(i.ReportedAt, i.Id).ToString(), ListUrl, Request.Path + Request.QueryString);
    }

    /// <summary>
    /// The filtered list as CSV (no personal data): reference, dates, area, characteristics, outcome, codes. Written to the
    /// response as the rows are read from the database, in the list's order, so memory stays flat however many there are.
    /// </summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        Now = time.GetUtcNow();
        // Once, never retried: a retry cannot take back rows already sent, and a retrying strategy (PostgreSQL's) would read
        // every row into memory before sending the first.
        await db.OnceAsync(ct => Csv.StreamAsync(Response, $"{Force.Slug}-hate-incidents.csv", incidents.StreamAsync(Force.Id, Query(), Now, ct), i => new
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
        }, ct), ct);
        return new EmptyResult();
    }

    /// <summary>The list with its filters and <paramref name="paging"/> (<c>after=…&amp;page=…</c>, or nothing for the first page).</summary>
    public string ListUrl(string paging) => PageLinks.Join(HateIncidentPages.Base(Force.Slug),
        Status is { } s ? $"status={s}" : null, PageLinks.Part("outcome", Outcome), PageLinks.Part("characteristic", Characteristic),
        PageLinks.Part("area", Area), PageLinks.Part("reference", Reference), Overdue ? "overdue=true" : null, paging);

    /// <summary>The CSV of the list with its filters.</summary>
    public string CsvUrl => ListUrl("handler=Csv");

    private IncidentQuery Query() => new(1, PageSize, Status, Outcome, Characteristic, Area, Overdue, Reference);
}
