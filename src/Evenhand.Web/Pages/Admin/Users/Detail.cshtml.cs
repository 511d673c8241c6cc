using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.Admin.Users;

/// <summary>One user: reset their password, disable or enable them, change their role and force. Each action is audited.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class DetailModel(UserAdministration admin, EvenhandDbContext db, TimeProvider time) : EvenhandPageModel
{
    [BindProperty(SupportsGet = true)] public string Id { get; set; } = "";
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? ForceSlug { get; set; }

    public UserSummary Account { get; private set; } = default!;
    public List<Force> Forces { get; private set; } = [];

    /// <summary>Shown once, straight after a reset; never stored.</summary>
    public string? NewPassword { get; private set; }

    /// <summary>An unknown user id is a 404 for every handler, before any of them runs.</summary>
    public override async Task OnPageHandlerExecutionAsync(Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutingContext context, Microsoft.AspNetCore.Mvc.Filters.PageHandlerExecutionDelegate next)
    {
        if (!await db.Users.AnyAsync(u => u.Id == Id, HttpContext.RequestAborted))
        {
            context.Result = NotFound();
            return;
        }

        await next();
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Role = Account.RoleName;
        ForceSlug = Account.ForceSlug;
        return Page();
    }

    public async Task<IActionResult> OnPostResetPasswordAsync(CancellationToken ct)
    {
        string? password = null;
        if (await TryAsync(async () => password = await admin.ResetPasswordAsync(Id, Actor(time, "Password reset by an administrator"), ct)))
        {
            NewPassword = password;
        }

        return await ShowAsync(ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken ct) =>
        await TryAsync(() => admin.DisableAsync(Id, Actor(time), ct))
            ? RedirectWithNotice("Account disabled: they cannot sign in, and any session they had has ended", $"/admin/users/{Id}")
            : await ShowAsync(ct);

    public async Task<IActionResult> OnPostEnableAsync(CancellationToken ct) =>
        await TryAsync(() => admin.EnableAsync(Id, Actor(time), ct))
            ? RedirectWithNotice("Account enabled: they can sign in again", $"/admin/users/{Id}")
            : await ShowAsync(ct);

    public async Task<IActionResult> OnPostRoleAsync(CancellationToken ct) =>
        await TryAsync(() => admin.SetRoleAsync(Id, string.IsNullOrEmpty(Role) ? null : Role, ForceSlug, Actor(time), ct))
            ? RedirectWithNotice("Role and force changed. The person must sign in again", $"/admin/users/{Id}")
            : await RedisplayAsync(() => LoadAsync(ct));

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        Role = Account.RoleName;
        ForceSlug = Account.ForceSlug;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var account = await admin.SummaryAsync(Id, ct);
        if (account is null)
        {
            return false;
        }

        Account = account;
        Forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        return true;
    }
}
