using Evenhand.Common;
using Evenhand.Governance;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Forces.Governance;

/// <summary>
/// Base of every register's record page: loads the record of the current force (not found for another force's), its history,
/// and whether the user may change it.
/// </summary>
public abstract class RegisterDetailModel<TRecord>(IAuthorizationService authz, string editPolicy, TimeProvider time) : EvenhandPageModel
    where TRecord : class
{
    [FromRoute] public int Id { get; set; }

    public Evenhand.Forces.Force Force => CurrentForce;
    public TRecord Record { get; private set; } = null!;
    public IReadOnlyList<GovernanceHistoryEntry> History { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public bool CanEdit { get; private set; }

    protected TimeProvider Time => time;

    protected IAuthorizationService Authz => authz;

    protected abstract Task<TRecord> GetAsync(CancellationToken ct);

    protected abstract Task<IReadOnlyList<GovernanceHistoryEntry>> HistoryAsync(CancellationToken ct);

    /// <summary>Anything else the page needs once the record is loaded.</summary>
    protected virtual Task OnLoadedAsync(CancellationToken ct) => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Record = await GetAsync(ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }

        History = await HistoryAsync(ct);
        Today = time.Today();
        CanEdit = (await authz.AuthorizeAsync(User, editPolicy)).Succeeded;
        await OnLoadedAsync(ct);
        return Page();
    }
}
