using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Evenhand.HateIncidents.Analysis;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Analysis;

/// <summary>
/// The force's hate-incident analysis (HMICFRS 2024 recommendation 17): counts and trends, repeats, review timeliness,
/// deployment and reclassifications, with a CSV of each breakdown. Aggregates only — no names — so governance, the PCC office
/// and the inspectorate may see it as well as the hate-incident roles. Repeat complainants and subjects carry their incidents'
/// references only for a role that may see that person's data under the force's policy, and each such view is audited.
/// </summary>
[Authorize(Policy = Policies.SeeHateAnalysis)]
public sealed class IndexModel(HateIncidentAnalysisService analysis, TimeProvider time) : EvenhandPageModel
{
    public const int MaxMonths = 36;

    public static IReadOnlyList<(string Key, string Label)> Breakdowns { get; } =
    [
        ("outcome", "Outcomes"),
        ("characteristic", "Characteristics"),
        ("month", "Months"),
        ("area", "Areas"),
        ("repeat-locations", "Repeat locations"),
        ("repeat-complainants", "Repeat complainants"),
        ("repeat-subjects", "Repeat subjects"),
        ("review-timeliness", "Review timeliness"),
        ("deployment", "Deployment"),
        ("reclassifications", "Reclassifications"),
    ];

    /// <summary>The parts of the page, each shown on its own (<c>?show=areas</c>): the whole analysis at once is ten queries over every incident of the period.</summary>
    public static IReadOnlyList<(AnalysisSection Section, string Key, string Label)> Sections { get; } =
    [
        (AnalysisSection.Overview, "", "Outcomes and months"),
        (AnalysisSection.Characteristics, "characteristics", "Characteristics"),
        (AnalysisSection.Areas, "areas", "Areas"),
        (AnalysisSection.Repeats, "repeats", "Repeats"),
        (AnalysisSection.ReviewTimeliness, "review-timeliness", "Review timeliness"),
        (AnalysisSection.Deployment, "deployment", "Deployment and reclassifications"),
    ];

    /// <summary>Which part to show: a key of <see cref="Sections"/>; none (or one not known) shows the outcomes and months.</summary>
    [FromQuery(Name = "show")] public string? Show { get; set; }

    public AnalysisSection Section => Sections.FirstOrDefault(s => s.Key.Length > 0 && s.Key == Show).Section;

    [BindProperty(SupportsGet = true), DateInput, Display(Name = "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), DateInput, Display(Name = "To")] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Outcome { get; set; }
    [BindProperty(SupportsGet = true)] public string? Characteristic { get; set; }

    public string Slug => CurrentForce.Slug;
    public string ForceName => CurrentForce.Name;
    public HateIncidentAnalysis? Result { get; private set; }
    public IReadOnlyList<string> Characteristics { get; private set; } = [];
    public HateAnalysisFilter Filter { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PrepareAsync(ct) is { } filter)
        {
            Result = await analysis.AnalyseSectionForAsync(CurrentForce.Id, filter, Section, User.IncidentRole(), Actor(time), ct);
        }

        return Page();
    }

    /// <summary>One breakdown as CSV: <c>?handler=Csv&amp;breakdown=area</c> with the page's filters.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string? breakdown, CancellationToken ct)
    {
        if (await PrepareAsync(ct) is not { } filter || Breakdowns.All(b => b.Key != breakdown))
        {
            return BadRequest();
        }

        var id = CurrentForce.Id;
        byte[] csv = breakdown switch
        {
            "outcome" => Csv.Write(OutcomeRows((await analysis.ByAreaAsync(id, filter, ct)).Aggregate(OutcomeSplit.Empty, Sum))),
            "characteristic" => Csv.Write((await analysis.ByCharacteristicAsync(id, filter, ct)).Select(k => new { characteristic = k.Key, total = k.Total, hate_crime = k.Counts.HateCrime, nchi = k.Counts.Nchi, nchi_with_personal_data = k.Counts.NchiWithPersonalData, no_record = k.Counts.NoRecord, not_assessed = k.Counts.NotAssessed })),
            "month" => Csv.Write((await analysis.ByMonthAsync(id, filter, ct)).Select(m => new { month = m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), total = m.Total, hate_crime = m.Counts.HateCrime, nchi = m.Counts.Nchi, nchi_with_personal_data = m.Counts.NchiWithPersonalData, no_record = m.Counts.NoRecord, not_assessed = m.Counts.NotAssessed })),
            "area" => Csv.Write((await analysis.ByAreaAsync(id, filter, ct)).Select(k => new { area = k.Key, total = k.Total, hate_crime = k.Counts.HateCrime, nchi = k.Counts.Nchi, nchi_with_personal_data = k.Counts.NchiWithPersonalData, no_record = k.Counts.NoRecord, not_assessed = k.Counts.NotAssessed })),
            "repeat-locations" => Csv.Write((await analysis.RepeatLocationsAsync(id, filter, 100, ct))
                .Select(r => new { area = r.Area, location = r.Location, incidents = r.Count, recent_references = string.Join(" ", r.References) })),
            "repeat-complainants" => Csv.Write((await analysis.RepeatPeopleForAsync(id, filter, Evenhand.HateIncidents.PersonRole.Complainant, 100, User.IncidentRole(), Actor(time), ct))
                .Select(r => new { complainant = r.Label, incidents = r.Count, recent_references = string.Join(" ", r.References) })),
            "repeat-subjects" => Csv.Write((await analysis.RepeatPeopleForAsync(id, filter, Evenhand.HateIncidents.PersonRole.Subject, 100, User.IncidentRole(), Actor(time), ct))
                .Select(r => new { subject = r.Label, incidents = r.Count, recent_references = string.Join(" ", r.References) })),
            "review-timeliness" => Csv.Write(TimelinessRows(await analysis.ReviewTimelinessAsync(id, filter, ct))),
            "deployment" => Csv.Write((await analysis.DeploymentAsync(id, filter, ct)).ByOutcome
                .Select(r => new { outcome = r.Outcome, decisions = r.Decisions, deployed = r.Deployed, rate = Rate(r.Rate) })),
            _ => Csv.Write((await analysis.ReclassificationsAsync(id, filter, ct)).Changes
                .Select(r => new { from_outcome = r.From, to_outcome = r.To, changes = r.Count })),
        };
        return File(csv, "text/csv; charset=utf-8", $"hate-incidents-{breakdown}-{Slug}-{filter.From:yyyy-MM-dd}-to-{filter.To:yyyy-MM-dd}.csv");
    }

    /// <summary>This page showing another part, with the current filters.</summary>
    public string SectionUrl(string key)
    {
        var query = new List<string?> { PageLinks.Part("show", key) };
        if (Filter is { } f)
        {
            query.Add($"From.Day={f.From.Day}&From.Month={f.From.Month}&From.Year={f.From.Year}&To.Day={f.To.Day}&To.Month={f.To.Month}&To.Year={f.To.Year}");
            query.Add(PageLinks.Part("Outcome", f.Outcome));
            query.Add(PageLinks.Part("Characteristic", f.Characteristic));
        }

        return PageLinks.Join($"/forces/{Slug}/hate-incidents/analysis", query);
    }

    /// <summary>The query string of the current filters, for links (CSV downloads).</summary>
    public string FilterQuery(string breakdown) =>
        $"handler=Csv&breakdown={breakdown}&From.Day={Filter.From.Day}&From.Month={Filter.From.Month}&From.Year={Filter.From.Year}" +
        $"&To.Day={Filter.To.Day}&To.Month={Filter.To.Month}&To.Year={Filter.To.Year}" +
        (string.IsNullOrEmpty(Filter.Outcome) ? "" : "&Outcome=" + Uri.EscapeDataString(Filter.Outcome)) +
        (string.IsNullOrEmpty(Filter.Characteristic) ? "" : "&Characteristic=" + Uri.EscapeDataString(Filter.Characteristic));

    public static string OutcomeLabel(string? key) => key switch
    {
        "hate-crime" => "Hate crime",
        "nchi" => "NCHI",
        "nchi-with-personal-data" => "NCHI with subject's personal data",
        "no-record" => "No record",
        _ => "Not assessed yet",
    };

    public static string Words(string characteristic) =>
        characteristic.Length == 0 ? characteristic : char.ToUpperInvariant(characteristic[0]) + characteristic[1..].Replace('-', ' ');

    public static string Percent(double? share) => share is { } s ? $"{s * 100:0.#}%" : "–";

    public static string Hours(double? hours) => hours is { } h ? $"{h:0.#} hours" : "–";

    private async Task<HateAnalysisFilter?> PrepareAsync(CancellationToken ct)
    {
        Characteristics = await analysis.CharacteristicsAsync(CurrentForce.Id, ct);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), HateIncidentAnalysisService.London).DateTime);
        var defaults = HateAnalysisFilter.Default(today);
        var from = From ?? defaults.From;
        var to = To ?? defaults.To;
        if (!string.IsNullOrEmpty(Outcome) && !HateIncidentAnalysisService.Outcomes.Contains(Outcome) && Outcome != HateAnalysisFilter.NotAssessed)
        {
            ModelState.AddModelError(nameof(Outcome), "Choose an outcome from the list.");
        }

        if (!string.IsNullOrEmpty(Characteristic) && !Characteristics.Contains(Characteristic))
        {
            ModelState.AddModelError(nameof(Characteristic), "Choose a characteristic from the list.");
        }

        if (to < from)
        {
            ModelState.AddModelError(nameof(To), "The end of the period must be the same as or after the start.");
        }
        else if (((to.Year - from.Year) * 12) + to.Month - from.Month >= MaxMonths)
        {
            ModelState.AddModelError(nameof(To), $"Choose a period of at most {MaxMonths} months.");
        }

        Filter = new HateAnalysisFilter(from, to, string.IsNullOrEmpty(Outcome) ? null : Outcome, string.IsNullOrEmpty(Characteristic) ? null : Characteristic);
        From = from;
        To = to;
        return ModelState.IsValid ? Filter : null;
    }

    private static OutcomeSplit Sum(OutcomeSplit acc, KeyedCount k) => new(
        acc.HateCrime + k.Counts.HateCrime, acc.Nchi + k.Counts.Nchi, acc.NchiWithPersonalData + k.Counts.NchiWithPersonalData,
        acc.NoRecord + k.Counts.NoRecord, acc.NotAssessed + k.Counts.NotAssessed);

    private static IEnumerable<object> OutcomeRows(OutcomeSplit s) =>
    [
        new { outcome = "hate-crime", incidents = s.HateCrime },
        new { outcome = "nchi", incidents = s.Nchi },
        new { outcome = "nchi-with-personal-data", incidents = s.NchiWithPersonalData },
        new { outcome = "no-record", incidents = s.NoRecord },
        new { outcome = HateAnalysisFilter.NotAssessed, incidents = s.NotAssessed },
    ];

    private static IEnumerable<object> TimelinessRows(ReviewTimeliness t) =>
    [
        new { measure = "reviewed", value = t.Reviewed.ToString(CultureInfo.InvariantCulture) },
        new { measure = "median_hours_to_review", value = t.MedianHours?.ToString("0.##", CultureInfo.InvariantCulture) ?? "" },
        new { measure = "percentile_90_hours_to_review", value = t.Percentile90Hours?.ToString("0.##", CultureInfo.InvariantCulture) ?? "" },
        new { measure = "reviewed_within_target", value = t.WithinTarget.ToString(CultureInfo.InvariantCulture) },
        new { measure = "share_within_target", value = Rate(t.ShareWithinTarget) },
        new { measure = "awaiting_review_now", value = t.AwaitingReview.ToString(CultureInfo.InvariantCulture) },
        new { measure = "overdue_now", value = t.OverdueNow.ToString(CultureInfo.InvariantCulture) },
    ];

    private static string Rate(double? r) => r?.ToString("0.####", CultureInfo.InvariantCulture) ?? "";
}
