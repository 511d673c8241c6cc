using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.Inspections;
using Evenhand.Responses;
using Evenhand.Responses.Export;
using Evenhand.Web.Api;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

public sealed class EditModel(Section55Service responses, InspectionService inspections, IAuthorizationService authz, TimeProvider time) : EvenhandPageModel
{
    public sealed class AnswerInput
    {
        public int RecommendationId { get; set; }
        public Section55Stance? Stance { get; set; }
        public string? Text { get; set; }
    }

    [FromRoute] public int InspectionId { get; set; }

    public Force Force => CurrentForce;
    public Section55View? View { get; private set; }
    public Evenhand.Inspections.Inspection? Inspection { get; private set; }
    public bool CanWrite { get; private set; }
    public DateOnly Today { get; private set; }

    [BindProperty] public Guid Version { get; set; }
    [BindProperty] public DateOnly? ChiefOfficerInvitedOn { get; set; }
    [BindProperty] public DateOnly? ChiefOfficerCommentsDueOn { get; set; }
    [BindProperty] public DateOnly? ChiefOfficerCommentsReceivedOn { get; set; }
    [BindProperty] public string? ChiefOfficerComments { get; set; }
    [BindProperty] public string? PccComments { get; set; }
    [BindProperty] public List<AnswerInput> Answers { get; set; } = [];
    [BindProperty] public DateOnly? PublishedOn { get; set; }
    [BindProperty] public string? PublicUrl { get; set; }
    [BindProperty] public DateOnly? SentToInspectorateOn { get; set; }
    [BindProperty] public DateOnly? SentToHomeSecretaryOn { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (View is { } v)
        {
            var r = v.Response;
            Version = r.Version;
            ChiefOfficerInvitedOn = r.ChiefOfficerInvitedOn;
            ChiefOfficerCommentsDueOn = r.ChiefOfficerCommentsDueOn;
            ChiefOfficerCommentsReceivedOn = r.ChiefOfficerCommentsReceivedOn;
            ChiefOfficerComments = r.ChiefOfficerComments;
            PccComments = r.PccComments;
            PublishedOn = r.PublishedOn ?? Today;
            PublicUrl = r.PublicUrl;
            SentToInspectorateOn = r.SentToInspectorateOn;
            SentToHomeSecretaryOn = r.SentToHomeSecretaryOn;
            Answers = v.ForceRecommendations.Select(rec => new AnswerInput
            {
                RecommendationId = rec.Id,
                Stance = v.ItemFor(rec)?.Stance,
                Text = v.ItemFor(rec)?.Text,
            }).ToList();
        }

        return Page();
    }

    /// <summary>The response as a Word document, for the PCC office to finish and publish.</summary>
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

    public Task<IActionResult> OnPostSaveAsync(CancellationToken ct) => EditAsync(nameof(PccComments), () =>
        responses.UpdateAsync(Force.Id, InspectionId, new UpdateSection55Options(Version,
            new Section55Details(ChiefOfficerInvitedOn, ChiefOfficerCommentsDueOn, ChiefOfficerCommentsReceivedOn, ChiefOfficerComments, PccComments),
            Answers.Select(a => new AnswerOptions(a.RecommendationId, a.Stance, a.Text)).ToList()), Actor(time), ct),
        "Response saved", ct);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken ct) => EditAsync(nameof(PublishedOn), async () =>
    {
        if (PublishedOn is null)
        {
            throw new DomainRuleException("Enter the date the response was published.");
        }

        await responses.PublishAsync(Force.Id, InspectionId, new PublishOptions(Version, PublishedOn.Value, PublicUrl), Actor(time), ct);
    }, "Response published. Its public page is now readable without signing in.", ct);

    public Task<IActionResult> OnPostCopiesAsync(CancellationToken ct) => EditAsync(nameof(SentToHomeSecretaryOn), () =>
        responses.RecordCopiesSentAsync(Force.Id, InspectionId, new CopiesSentOptions(Version, SentToInspectorateOn, SentToHomeSecretaryOn), Actor(time), ct),
        "Copies recorded", ct);

    private string SelfUrl => $"/forces/{Force.Slug}/responses/{InspectionId}";

    private async Task<bool> CanWriteAsync() => (await authz.AuthorizeAsync(User, Policies.WriteSection55)).Succeeded;

    private async Task<IActionResult> EditAsync(string field, Func<Task> change, string notice, CancellationToken ct)
    {
        if (!await CanWriteAsync())
        {
            return Forbid();
        }

        if (await TryAsync(change, field))
        {
            return RedirectWithNotice(notice, SelfUrl);
        }

        return await LoadAsync(ct) ? Page() : NotFound();
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
        return true;
    }
}
