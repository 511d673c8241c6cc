using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Evenhand.Common;
using Evenhand.HateIncidents.Analysis;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

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
        var values = FilterValues(Filter);
        values["show"] = key;
        return Url.Page("/Forces/HateIncidents/Analysis/Index", values)!;
    }

    /// <summary>One breakdown as CSV, with the current filters.</summary>
    public string CsvUrl(string breakdown)
    {
        var values = FilterValues(Filter);
        values["breakdown"] = breakdown;
        return Url.Page("/Forces/HateIncidents/Analysis/Index", "Csv", values)!;
    }

    /// <summary>The route values of this page with <paramref name="f"/>'s filters (none when there is no filter yet).</summary>
    private RouteValueDictionary FilterValues(HateAnalysisFilter? f)
    {
        var values = new RouteValueDictionary { ["slug"] = Slug };
        if (f is not null)
        {
            values["From.Day"] = f.From.Day;
            values["From.Month"] = f.From.Month;
            values["From.Year"] = f.From.Year;
            values["To.Day"] = f.To.Day;
            values["To.Month"] = f.To.Month;
            values["To.Year"] = f.To.Year;
            values["Outcome"] = string.IsNullOrEmpty(f.Outcome) ? null : f.Outcome;
            values["Characteristic"] = string.IsNullOrEmpty(f.Characteristic) ? null : f.Characteristic;
        }

        return values;
    }

    public static string Words(string characteristic) =>
        characteristic.Length == 0 ? characteristic : char.ToUpperInvariant(characteristic[0]) + characteristic[1..].Replace('-', ' ');

    public static string Percent(double? share) => Format.Percent(share, "–");

    public static string Hours(double? hours) => hours is { } h ? $"{Format.Number(h)} hours" : "–";

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
