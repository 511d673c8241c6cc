using Evenhand.Common;
using Evenhand.Inspections;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Inspections;

/// <summary>The inspections, newest first, 25 a page read by key (<c>after</c>, <c>before</c>, <c>last</c>).</summary>
public sealed class IndexModel(InspectionService inspections, IAuthorizationService authz) : EvenhandPageModel
{
    public const int PageSize = 25;

    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public KeysetPage<InspectionSummary> Inspections { get; private set; } = KeysetPage.Empty<InspectionSummary>(PageSize);
    public PageLinks Links { get; private set; } = null!;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await authz.AuthorizeAsync(User, Policies.ManageInspections)).Succeeded;
        Inspections = await inspections.PageAsync(PageRequest.Parse(After, Before, Last, PageNumber, PageSize, InspectionKey.Parse), ct);
        Links = PageLinks.For(Inspections, i => i.Key.ToString(), paging => PageLinks.Join("/inspections", paging), Request.Path + Request.QueryString);
    }
}
