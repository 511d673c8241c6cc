using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Responses.Export;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>
/// The section 55 response as a task list: the chief officer's part, the body's comments, and one section per recommendation
/// with the force's own record beside the answer. Drafts are read by the PCC office and the force's governance lead; only the
/// PCC office writes. Publishing is on the check-answers page; copies sent and corrections here once published.
/// </summary>
[Authorize(Policy = Policies.ReadSection55Drafts)]
public sealed class EditModel(Section55Service responses, InspectionService inspections, ForceResponseService plans, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public sealed class AnswerInput
    {
        public Section55Stance? Stance { get; set; }
        public string? Text { get; set; }
    }

    /// <summary>Where a task stands (GOV.UK task list statuses).</summary>
    public enum TaskStatus
    {
        NotStarted,
        InProgress,
        Completed,
    }

    [FromRoute] public int InspectionId { get; set; }

    public Force Force => CurrentForce;
    public Section55View? View { get; private set; }
    public Evenhand.Inspections.Inspection? Inspection { get; private set; }
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }

    /// <summary>The force's action plan for each recommendation, by recommendation id.</summary>
    public IReadOnlyDictionary<int, ForceResponse> Plans { get; private set; } = new Dictionary<int, ForceResponse>();

    // Declared in the order of the form, so the error summary lists problems in that order.
    [BindProperty] public Guid Version { get; set; }
    [BindProperty, DateInput] public DateOnly? ChiefOfficerInvitedOn { get; set; }
    [BindProperty, DateInput] public DateOnly? ChiefOfficerCommentsDueOn { get; set; }
    [BindProperty, DateInput] public DateOnly? ChiefOfficerCommentsReceivedOn { get; set; }
    [BindProperty] public string? ChiefOfficerComments { get; set; }
    [BindProperty] public string? ChiefOfficerNoCommentsNote { get; set; }
    [BindProperty] public string? ResponseToChiefOfficerComments { get; set; }
    [BindProperty] public string? PccComments { get; set; }

    /// <summary>
    /// Answers by recommendation number (fields "Answers[9].Stance", "Answers[9].Text"). Named, so a form without answers (copies
    /// sent) leaves it empty instead of binding the other fields' names as keys.
    /// </summary>
    [BindProperty(Name = nameof(Answers)), ValidateNever] public Dictionary<int, AnswerInput> Answers { get; set; } = [];

    [BindProperty, DateInput] public DateOnly? SentToInspectorateOn { get; set; }
    [BindProperty, DateInput] public DateOnly? SentToHomeSecretaryOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    /// <summary>The response as a Word document.</summary>
    public async Task<IActionResult> OnGetDocxAsync(CancellationToken ct)
    {
        var view = await responses.FindAsync(Force.Id, InspectionId, ct);
        if (view is null)
        {
            return NotFound();
        }

        return File(Section55DocxExporter.Export(view), "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            $"section-55-response-{Force.Slug}-{view.Response.Inspection!.PublishedOn:yyyy-MM-dd}.docx");
    }

    public async Task<IActionResult> OnPostStartAsync(CancellationToken ct)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        await responses.GetOrStartAsync(Force.Id, InspectionId, Actor(time), ct);
        return Redirect(SelfUrl);
    }

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => EditAsync(() =>
        responses.UpdateAsync(Force.Id, InspectionId, new UpdateSection55Options(Version,
            new Section55Details(ChiefOfficerInvitedOn, ChiefOfficerCommentsDueOn, ChiefOfficerCommentsReceivedOn, ChiefOfficerComments, PccComments,
                ChiefOfficerNoCommentsNote, ResponseToChiefOfficerComments),
            Answers.Select(a => new AnswerOptions(RecommendationIdOf(a.Key), a.Value.Stance, a.Value.Text)).ToList()), Actor(time), ct),
        "Response saved", ct);

    public Task<IActionResult> OnPostCopiesAsync(CancellationToken ct) => EditAsync(() =>
        responses.RecordCopiesSentAsync(Force.Id, InspectionId, new CopiesSentOptions(Version, SentToInspectorateOn, SentToHomeSecretaryOn), Actor(time), ct),
        "Copies recorded", ct);

    /// <summary>A task's status: completed when s.55 has all it needs from it, in progress when something is there.</summary>
    public TaskStatus StatusOf(params string[] domainFields)
    {
        var missing = View!.Missing.Select(m => m.Field).ToHashSet();
        if (domainFields.All(f => !missing.Contains(f)))
        {
            return TaskStatus.Completed;
        }

        var r = View.Response;
        var started = domainFields.Any(f => f switch
        {
            nameof(Section55Details.ChiefOfficerInvitedOn) => r.ChiefOfficerInvitedOn is not null,
            nameof(Section55Details.ChiefOfficerComments) => r.ChiefOfficerComments is not null || r.ChiefOfficerNoCommentsNote is not null,
            nameof(Section55Details.ResponseToChiefOfficerComments) => r.ResponseToChiefOfficerComments is not null,
            nameof(Section55Details.PccComments) => r.PccComments is not null,
            _ => false,
        });
        return started ? TaskStatus.InProgress : TaskStatus.NotStarted;
    }

    public TaskStatus StatusOf(Recommendation rec)
    {
        var item = View!.ItemFor(rec);
        return item is { IsComplete: true } ? TaskStatus.Completed
            : item is not null && (item.Stance is not null || item.Text is not null) ? TaskStatus.InProgress
            : TaskStatus.NotStarted;
    }

    /// <summary>The page's field for a field the domain names ("Answer:9" is recommendation 9's text).</summary>
    protected override string FieldFor(string domainField) => FieldId(domainField);

    /// <summary>Model state key (and so, sanitised, the element id) of a domain field on this page.</summary>
    public static string FieldId(string domainField) =>
        domainField.StartsWith("Answer:", StringComparison.Ordinal) ? $"Answers[{domainField["Answer:".Length..]}].Text" : domainField;

    private int RecommendationIdOf(int number) =>
        View?.AllRecommendations.FirstOrDefault(r => r.Number == number)?.Id ?? 0;

    private string SelfUrl => $"/forces/{Force.Slug}/responses/{InspectionId}";

    private async Task<bool> CanWriteAsync() => (await authz.AuthorizeAsync(User, Policies.WriteSection55)).Succeeded;

    private async Task<IActionResult> EditAsync(Func<Task> change, string notice, CancellationToken ct)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        // The numbers in the form are mapped to recommendation ids of this inspection.
        View = await responses.FindAsync(Force.Id, InspectionId, ct);
        if (ModelState.IsValid && await TryAsync(change))
        {
            return RedirectWithNotice(notice, SelfUrl);
        }

        return await RedisplayAsync(() => LoadAsync(ct));
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Today = EvenhandApi.Today(time);
        CanWrite = await CanWriteAsync();
        View = await responses.FindAsync(Force.Id, InspectionId, ct);
        if (View is null)
        {
            // No response yet: the page offers to start one, if the inspection exists.
            try
            {
                Inspection = await inspections.GetAsync(InspectionId, ct);
                return true;
            }
            catch (NotFoundException)
            {
                return false;
            }
        }

        Inspection = View.Response.Inspection;
        Plans = (await plans.ListForInspectionAsync(Force.Id, InspectionId, ct)).ToDictionary(p => p.RecommendationId);
        var r = View.Response;
        Version = r.Version;
        ChiefOfficerInvitedOn = r.ChiefOfficerInvitedOn;
        ChiefOfficerCommentsDueOn = r.ChiefOfficerCommentsDueOn;
        ChiefOfficerCommentsReceivedOn = r.ChiefOfficerCommentsReceivedOn;
        ChiefOfficerComments = r.ChiefOfficerComments;
        ChiefOfficerNoCommentsNote = r.ChiefOfficerNoCommentsNote;
        ResponseToChiefOfficerComments = r.ResponseToChiefOfficerComments;
        PccComments = r.PccComments;
        SentToInspectorateOn = r.SentToInspectorateOn;
        SentToHomeSecretaryOn = r.SentToHomeSecretaryOn;
        Answers = View.AllRecommendations.ToDictionary(rec => rec.Number, rec => new AnswerInput
        {
            Stance = View.ItemFor(rec)?.Stance,
            Text = View.ItemFor(rec)?.Text,
        });
        return true;
    }
}
