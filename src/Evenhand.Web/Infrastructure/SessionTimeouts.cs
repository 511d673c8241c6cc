using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// How long a sign-in lasts (ASVS 3.3.2; NIST SP 800-63B AAL2: 30 minutes idle, 12 hours in all). The idle time-out slides
/// with each request; the absolute one counts from the moment the user signed in, however active they have been since.
/// Ending a session early is the security stamp's job: see <see cref="AccountSignIn.SignOutAsync"/>.
/// </summary>
public sealed class SessionTimeouts
{
    public const string Section = "Sessions";

    /// <summary>The property the sign-in moment travels in, inside the (encrypted) cookie.</summary>
    public const string SignedInAtItem = ".evenhand.signed-in-at";

    public double IdleTimeoutMinutes { get; set; } = 30;

    public double AbsoluteTimeoutHours { get; set; } = 12;

    public TimeSpan Idle => TimeSpan.FromMinutes(IdleTimeoutMinutes);

    public TimeSpan Absolute => TimeSpan.FromHours(AbsoluteTimeoutHours);

    public void Apply(CookieAuthenticationOptions o)
    {
        o.SlidingExpiration = true;
        o.ExpireTimeSpan = Idle;

        var signingIn = o.Events.OnSigningIn;
        o.Events.OnSigningIn = async ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            ctx.Properties.Items[SignedInAtItem] = now.ToString("O", CultureInfo.InvariantCulture);
            await signingIn(ctx);
        };

        // Identity's security stamp check runs after the absolute limit, so a cookie past it is never renewed.
        var validate = o.Events.OnValidatePrincipal;
        o.Events.OnValidatePrincipal = async ctx =>
        {
            var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
            if (!ctx.Properties.Items.TryGetValue(SignedInAtItem, out var at)
                || !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
                || now - signedInAt > Absolute)
            {
                ctx.RejectPrincipal();
                await ctx.HttpContext.SignOutAsync(ctx.Scheme.Name);
                return;
            }

            await validate(ctx);
        };
    }
}
