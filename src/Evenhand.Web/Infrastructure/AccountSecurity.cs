using System.Security.Claims;
using Evenhand.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Evenhand.Web.Infrastructure;

/// <summary>Identity's sign-in manager with Evenhand's rule that a disabled user can neither sign in nor keep a session.</summary>
public sealed class EvenhandSignInManager(
    UserManager<EvenhandUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<EvenhandUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<EvenhandUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<EvenhandUser> confirmation)
    : SignInManager<EvenhandUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(EvenhandUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>Checked on every request (the validation interval is zero): a changed stamp or a disabled user ends the session.</summary>
    public override async Task<EvenhandUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { IsDisabled: false } ? user : null;
    }
}

/// <summary>
/// A user signed in with a one-time password (from an administrator or <c>evenhand users add|reset-password</c>) must
/// choose their own before anything else: every page redirects to the change-password page, the API answers 403.
/// </summary>
public static class PasswordChangeRequired
{
    public const string Claim = "evenhand:must_change_password";
    public const string PagePath = "/account/change-password";

    private static readonly string[] Allowed = [PagePath, "/account/sign-out", "/account/sign-in", "/account/access-denied", "/error", "/accessibility"];

    public static IApplicationBuilder UsePasswordChangeRequired(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (http.User.HasClaim(c => c.Type == Claim) && !Allowed.Any(p => http.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Change your password first",
                    detail: $"You signed in with a one-time password. Choose your own at {PagePath} before using the API.").ExecuteAsync(http);
                return;
            }

            var returnUrl = http.Request.Method == HttpMethods.Get ? http.Request.Path + http.Request.QueryString : "/";
            http.Response.Redirect(PagePath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
            return;
        }

        await next();
    });
}
