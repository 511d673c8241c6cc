using System.Security.Claims;
using Evenhand.Accounts;
using Evenhand.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evenhand.Web.Infrastructure;

/// <summary>Adds the user's force slug and display name to the sign-in cookie, so force scoping needs no database lookup per request.</summary>
public sealed class EvenhandClaimsFactory(
    UserManager<EvenhandUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    EvenhandDbContext db) : UserClaimsPrincipalFactory<EvenhandUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(EvenhandUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(UserExtensions.DisplayNameClaim, user.DisplayName));
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeRequired.Claim, "true"));
        }

        if (user.ForceId is { } forceId)
        {
            var slug = await db.Forces.Where(f => f.Id == forceId).Select(f => f.Slug).SingleAsync();
            identity.AddClaim(new Claim(UserExtensions.ForceClaim, slug));
        }

        return identity;
    }
}
