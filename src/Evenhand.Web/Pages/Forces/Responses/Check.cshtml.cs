using Evenhand.Forces;
using Evenhand.Responses;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.TagHelpers;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Responses;

/// <summary>
/// Check your answers, then publish (GOV.UK pattern): everything that will be published, read-only, each part with a link
/// to change it, and the irreversible step last. What s.55 still needs is listed with a link to its field.
/// </summary>
[Authorize(Policy = Policies.WriteSection55)]
public sealed class CheckModel(Section55Service responses, TimeProvider time) : EvenhandPageModel
{
    [FromRoute] public int InspectionId { get; set; }

    public Force Force => CurrentForce;
    public Section55View View { get; private set; } = null!;

    /// <summary>Links from each item s.55 still needs to its field on the response page.</summary>
    public IReadOnlyDictionary<string, string> MissingLinks { get; private set; } = new Dictionary<string, string>();

    [BindProperty] public Guid Version { get; set; }
    [BindProperty, DateInput] public DateOnly? PublishedOn { get; set; }
    [BindProperty] public string? PublicUrl { get; set; }

    public string EditUrl => $"/forces/{Force.Slug}/responses/{InspectionId}";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (View.Response.IsPublished)
        {
            return Redirect(EditUrl);
        }

        foreach (var m in View.Missing)
        {
            ModelState.AddModelError(FieldFor(m.Field), m.Message);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid && await TryAsync(() =>
                responses.PublishAsync(Force.Id, InspectionId, new PublishOptions(Version, PublishedOn, PublicUrl), Actor(time), ct)))
        {
            return RedirectWithNotice("Response published. Its public page is now readable without signing in. Record the copies sent to HM Inspectors and the Home Secretary below.", EditUrl);
        }

        return await RedisplayAsync(() => LoadAsync(ct));
    }

    /// <summary>Publication fields are on this page; everything else s.55 needs is on the response page.</summary>
    protected override string FieldFor(string domainField) => EditModel.FieldId(domainField);

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var view = await responses.FindAsync(Force.Id, InspectionId, ct);
        if (view is null)
        {
            return false;
        }

        View = view;
        Version = view.Response.Version;
        PublicUrl = view.Response.PublicUrl;
        MissingLinks = view.Missing.Select(m => FieldFor(m.Field)).Distinct()
            .ToDictionary(k => k, k => $"{EditUrl}#{GovUkFieldNames.Id(k)}");
        return true;
    }
}
