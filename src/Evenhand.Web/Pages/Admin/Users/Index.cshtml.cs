using Evenhand.Accounts;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.Admin.Users;

/// <summary>
/// The users, for administrators: 50 a page in email order, read by key (<c>after</c>, <c>before</c>, <c>last</c>), filtered
/// by force and by the start of the email address; and the form to add a user.
/// </summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(UserAdministration admin, EvenhandDbContext db, TimeProvider time) : EvenhandPageModel
{
    public const int PageSize = 50;

    /// <summary>The force filter's value for users of no force (the national roles).</summary>
    public const string NoForce = "none";

    [FromQuery(Name = "force")] public string? FilterForce { get; set; }
    [FromQuery(Name = "email")] public string? FilterEmail { get; set; }
    [FromQuery(Name = "after")] public string? After { get; set; }
    [FromQuery(Name = "before")] public string? Before { get; set; }
    [FromQuery(Name = "last")] public bool Last { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public KeysetPage<UserSummary> Users { get; private set; } = KeysetPage.Empty<UserSummary>(PageSize);
    public PageLinks Links { get; private set; } = null!;
    public List<Force> Forces { get; private set; } = [];
    public bool Filtered => !string.IsNullOrEmpty(FilterForce) || !string.IsNullOrWhiteSpace(FilterEmail);

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
        if (await admin.SummaryAsync(UserId, ct) is null)
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

    public string ListUrl(string paging) => PageLinks.Join("/admin/users", PageLinks.Part("force", FilterForce), PageLinks.Part("email", FilterEmail), paging);

    private async Task LoadAsync(CancellationToken ct)
    {
        Forces = await db.Forces.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        var query = new UserQuery(NoForce: FilterForce == NoForce, EmailStartsWith: FilterEmail);
        if (!string.IsNullOrEmpty(FilterForce) && FilterForce != NoForce)
        {
            if (Forces.FirstOrDefault(f => f.Slug == FilterForce) is { } force)
            {
                query = query with { ForceId = force.Id };
            }
            else
            {
                ModelState.AddModelError(nameof(FilterForce), "Choose a force from the list");
            }
        }

        if (!ModelState.ContainsKey(nameof(FilterForce)) || ModelState[nameof(FilterForce)]!.Errors.Count == 0)
        {
            Users = await admin.PageAsync(query, PageRequest.Parse(After, Before, Last, PageNumber, PageSize, UserKey.Parse), ct);
        }

        Links = PageLinks.For(Users, u => admin.KeyOf(u).ToString(), ListUrl, Request.Path + Request.QueryString);
    }
}
