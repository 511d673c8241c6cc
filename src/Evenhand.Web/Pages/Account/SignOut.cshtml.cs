using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Evenhand.Web.Pages.Account;

/// <summary>
/// Sign out: a plain form post (the header's button, or this page's), so it works without JavaScript. Signing out ends the
/// session on the server too (<see cref="AccountSignIn.SignOutAsync"/>), so a copied cookie stops working at once.
/// </summary>
[AllowAnonymous]
public sealed class SignOutModel(AccountSignIn accounts) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public bool Done { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await accounts.SignOutAsync(User);
        return RedirectToPage("/Account/SignOut", "Done");
    }

    public void OnGetDone() => Done = true;
}
