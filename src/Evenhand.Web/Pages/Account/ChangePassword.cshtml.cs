using System.Security.Claims;
using Evenhand.Accounts;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.Account;

/// <summary>The signed-in user chooses a new password; the only page open to someone who signed in with a one-time password.</summary>
public sealed class ChangePasswordModel(UserAdministration accounts, SignInManager<EvenhandUser> signIn, TimeProvider time) : EvenhandPageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public bool Required => User.HasClaim(c => c.Type == PasswordChangeRequired.Claim);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        if (!await TryAsync(() => accounts.ChangeOwnPasswordAsync(userId, CurrentPassword, NewPassword, ConfirmPassword, Actor(time, "Changed own password"), ct)))
        {
            CurrentPassword = NewPassword = ConfirmPassword = null;
            return Page();
        }

        // The change gave the user a new security stamp: sign in again on this browser with the new one (and without the
        // one-time-password claim). Other sessions end.
        await signIn.RefreshSignInAsync(await accounts.FindAsync(userId));
        return RedirectWithNotice("Your password has been changed", Url.IsLocalUrl(ReturnUrl) && ReturnUrl != PasswordChangeRequired.PagePath ? ReturnUrl! : "/");
    }
}
