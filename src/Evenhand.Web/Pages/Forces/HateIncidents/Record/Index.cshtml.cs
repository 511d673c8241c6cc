using System.Globalization;
using System.ComponentModel.DataAnnotations;
using Evenhand.Common;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.HateIncidents.Record;

/// <summary>Records a hate-related report: the APP's "gathering information" step.</summary>
[Authorize(Policy = Policies.RecordHateIncidents)]
public sealed class IndexModel(HateIncidentService incidents, HatePolicyService policies, TimeProvider time) : EvenhandPageModel
{
    public Evenhand.Forces.Force Force => CurrentForce;
    public IReadOnlyList<string> KnownCharacteristics { get; private set; } = [];

    [BindProperty] public string? Reference { get; set; }
    [BindProperty, DateInput, Display(Name = "Date reported")] public DateOnly? ReportedOn { get; set; }
    [BindProperty] public string? ReportedTime { get; set; }
    [BindProperty] public ReportChannel? Channel { get; set; }
    [BindProperty, DateInput, Display(Name = "Date it happened")] public DateOnly? OccurredOn { get; set; }
    [BindProperty] public string? OccurredTime { get; set; }
    [BindProperty] public string? Area { get; set; }
    [BindProperty] public string? LocationDescription { get; set; }
    [BindProperty] public string? Circumstances { get; set; }
    [BindProperty] public List<string> Characteristics { get; set; } = [];
    [BindProperty] public PerceivedBy? PerceivedBy { get; set; }
    [BindProperty] public bool? ImmediateRisk { get; set; }
    [BindProperty] public bool? SafeguardingConcern { get; set; }
    [BindProperty] public string? ComplainantName { get; set; }
    [BindProperty] public string? ComplainantContact { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = LondonTime.Local(time.GetUtcNow());
        ReportedOn = DateOnly.FromDateTime(now.DateTime);
        ReportedTime = now.ToString("HH:mm", CultureInfo.InvariantCulture);
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var reported = When(ReportedOn, ReportedTime, nameof(ReportedOn), nameof(ReportedTime), "reported");
        var occurred = When(OccurredOn, OccurredTime, nameof(OccurredOn), nameof(OccurredTime), "it happened");
        // The form's own questions (the report's type needs an answer to each); the report's rules are the domain's.
        if (Channel is null) ModelState.AddModelError(nameof(Channel), "Select how the report was made");
        if (PerceivedBy is null) ModelState.AddModelError(nameof(PerceivedBy), "Select who perceived the hostility or prejudice");
        if (ImmediateRisk is null) ModelState.AddModelError(nameof(ImmediateRisk), "Select whether there is an immediate risk of harm");
        if (SafeguardingConcern is null) ModelState.AddModelError(nameof(SafeguardingConcern), "Select whether there is a safeguarding concern");
        if (ModelState.ErrorCount > 0)
        {
            // Nothing is saved; the domain's refusals of the rest are shown in the same round (placeholders stand in for the
            // unanswered questions, which no rule reads).
            var ctx = Actor(time);
            var draft = new IncidentReport(reported ?? ctx.Now, Channel ?? default, occurred ?? reported ?? ctx.Now, Area ?? "", LocationDescription, Circumstances ?? "",
                Characteristics, PerceivedBy ?? default, ImmediateRisk ?? false, SafeguardingConcern ?? false);
            try
            {
                HateIncident.Record(Force.Id, string.IsNullOrWhiteSpace(Reference) ? "check" : Reference.Trim(), draft, KnownCharacteristics, ctx, Complainant());
            }
            catch (DomainRuleException e)
            {
                foreach (var error in e.Errors.Where(error => ModelState[FieldFor(error.Field)]?.Errors.Count is null or 0))
                {
                    ModelState.AddModelError(FieldFor(error.Field), error.Message);
                }
            }

            return Page();
        }

        HateIncident? recorded = null;
        var ok = await TryAsync(async () =>
        {
            var report = new IncidentReport(reported!.Value, Channel!.Value, occurred!.Value, Area ?? "", LocationDescription, Circumstances ?? "", Characteristics,
                PerceivedBy!.Value, ImmediateRisk!.Value, SafeguardingConcern!.Value, OccurredTimeUnknown: string.IsNullOrWhiteSpace(OccurredTime));
            var complainant = Complainant();
            recorded = await incidents.RecordAsync(Force.Id, new RecordIncidentOptions(report, Reference, complainant),
                User.IncidentRole() ?? IncidentStaffRole.CallTaker, Actor(time), ct);
        });
        return ok
            ? RedirectWithNotice($"Report {recorded!.Reference} recorded. Check the supporting information, then assess it.", HateIncidentPages.Url(Force.Slug, recorded.Id))
            : Page();
    }

    /// <summary>The complainant, when the form names one (the name is optional when recording).</summary>
    private PersonDetails? Complainant() => string.IsNullOrWhiteSpace(ComplainantName) ? null : new PersonDetails(ComplainantName, null, null, ComplainantContact, null);

    /// <summary>The complainant's details are this form's "Complainant…" fields.</summary>
    protected override string FieldFor(string domainField) => domainField switch
    {
        "Name" => nameof(ComplainantName),
        "Contact" => nameof(ComplainantContact),
        nameof(IncidentReport.ReportedAt) => nameof(ReportedOn),
        nameof(IncidentReport.OccurredAt) => nameof(OccurredOn),
        _ => domainField,
    };

    private DateTimeOffset? When(DateOnly? date, string? timeText, string dateField, string timeField, string what)
    {
        if (ModelState[dateField]?.Errors.Count > 0)
        {
            return null;
        }

        if (date is null)
        {
            ModelState.AddModelError(dateField, $"Enter the date {what}");
            return null;
        }

        var t = string.IsNullOrWhiteSpace(timeText) ? new TimeOnly(0, 0) : LondonTime.ParseTime(timeText);
        if (t is null)
        {
            ModelState.AddModelError(timeField, "Enter a time like 14:30");
            return null;
        }

        return LondonTime.ToInstant(date.Value, t.Value);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var policy = await policies.GetAsync(Force.Id, ct);
        KnownCharacteristics = policy.KnownCharacteristics(RuleSetRegistry.Get(policy.RuleSetOn(time.Today())));
    }
}
