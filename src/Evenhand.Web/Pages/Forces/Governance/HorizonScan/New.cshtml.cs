using Evenhand.Governance;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance.HorizonScan;

[Authorize(Policy = Infrastructure.Policies.EditRegisters)]
public sealed class NewModel(ContentiousIssueService register, TimeProvider time) : IssueFormModel
{
    public void OnGet()
    {
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        SaveAsync(async d => (await register.CreateAsync(Force.Id, d, Actor(time), ct)).Id, "Issue added", id => GovernancePages.Issue(Force.Slug, id));
}
