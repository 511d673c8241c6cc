using Evenhand.Inspections;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

namespace Evenhand.Web.Pages.Inspections;

public sealed class IndexModel(InspectionService inspections, IAuthorizationService authz) : EvenhandPageModel
{
    public List<Inspection> Inspections { get; private set; } = [];
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = (await authz.AuthorizeAsync(User, Policies.ManageInspections)).Succeeded;
        Inspections = await inspections.ListAsync(ct);
    }
}
