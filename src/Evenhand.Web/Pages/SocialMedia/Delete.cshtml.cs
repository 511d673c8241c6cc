using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>Delete a dataset with its accounts, posts and dip samples, after confirming.</summary>
[Authorize(Policy = Policies.ManageSocialMedia)]
public sealed class DeleteModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time, SocialDatasetService datasets) : SocialMediaPageModel(reader, forces, authz, time)
{
    public override string Title => $"Delete {Dataset.Name}";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = Dataset.Name;
        return await TryAsync(() => datasets.DeleteAsync(Dataset.Id, Actor(), ct))
            ? RedirectWithNotice($"'{name}' was deleted, with its posts, accounts and dip samples.", Home)
            : Page();
    }
}
