using System.Security.Claims;
using Evenhand.Accounts;
using Evenhand.Common;

namespace Evenhand.Web.Infrastructure;

public static class UserExtensions
{
    /// <summary>Claim holding the slug of the user's force; absent for inspectorate and administrators.</summary>
    public const string ForceClaim = "force";
    public const string DisplayNameClaim = "name";

    public static string? ForceSlug(this ClaimsPrincipal user) => user.FindFirstValue(ForceClaim);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayNameClaim) ?? user.Identity?.Name ?? "Unknown user";

    /// <summary>Inspectorate and administrators see every force.</summary>
    public static bool IsNational(this ClaimsPrincipal user) => Roles.National.Any(user.IsInRole);

    public static bool CanSeeForce(this ClaimsPrincipal user, string slug) =>
        user.Identity?.IsAuthenticated == true &&
        (user.IsNational() || string.Equals(user.ForceSlug(), slug, StringComparison.OrdinalIgnoreCase));

    public static ProcessContext ToProcessContext(this ClaimsPrincipal user, TimeProvider time, string? reason = null) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous", user.DisplayName(), time.GetUtcNow(), reason);
}
