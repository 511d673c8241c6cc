using Evenhand.Accounts;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(UserAdministration admin, EvenhandDbContext db, TimeProvider time) : EvenhandPageModel
{
    public List<UserSummary> Users { get; private set; } = [];
    public List<Force> Forces { get; private set; } = [];

    /// <summary>Shown once, straight after creating a user; never stored.</summary>
    public string? NewPassword { get; private set; }

    public string? CreatedEmail { get; private set; }

    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Role { get; set; }
    [BindProperty] public string? ForceSlug { get; set; }
    [BindProperty] public string? UserId { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        string? password = null;
        if (await TryAsync(async () => password = await admin.CreateAsync(new NewUserOptions(Email, DisplayName, Role, ForceSlug), Actor(time), ct), nameof(Email)))
        {
            // Shown in the confirmation panel on this response. Not a Notice: that is TempData, which would show again on the next page.
            NewPassword = password;
            CreatedEmail = Email!.Trim();
            Email = DisplayName = Role = ForceSlug = null;
            ModelState.Clear();
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        if (!(await admin.ListAsync(ct)).Any(u => u.Id == UserId))
        {
            return NotFound();
        }

        if (await TryAsync(() => admin.UnlockAsync(UserId!, Actor(time), ct)))
        {
            return RedirectWithNotice("Account unlocked", "/admin/users");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(ct);
        Forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
    }
}
