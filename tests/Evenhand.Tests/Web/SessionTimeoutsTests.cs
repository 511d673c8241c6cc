using System.Security.Claims;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Evenhand.Tests.Web;

/// <summary>The absolute time-out counts from sign-in, however often the cookie slides; the idle one is the cookie's lifetime.</summary>
public sealed class SessionTimeoutsTests
{
    [Fact]
    public async Task ValidatePrincipal_PastTheAbsoluteTimeout_IsRejected_AndBeforeItGoesOnToTheStampCheck()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        var stampChecks = 0;
        var options = new CookieAuthenticationOptions
        {
            Events = new CookieAuthenticationEvents { OnValidatePrincipal = _ => { stampChecks++; return Task.CompletedTask; } },
        };
        var timeouts = new SessionTimeouts { IdleTimeoutMinutes = 30, AbsoluteTimeoutHours = 12 };
        timeouts.Apply(options);
        var http = new DefaultHttpContext
        {
            RequestServices = new ServiceCollection().AddSingleton<TimeProvider>(time).AddSingleton<IAuthenticationService, NoAuthentication>().BuildServiceProvider(),
        };
        var scheme = new AuthenticationScheme("Identity.Application", null, typeof(CookieAuthenticationHandler));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone")], "test"));
        var properties = new AuthenticationProperties();
        await options.Events.SigningIn(new CookieSigningInContext(http, scheme, options, principal, properties, new CookieOptions()));

        time.Advance(TimeSpan.FromHours(11.9));
        var before = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(principal, properties, scheme.Name));
        await options.Events.ValidatePrincipal(before);
        time.Advance(TimeSpan.FromHours(0.2));
        var after = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(principal, properties, scheme.Name));
        await options.Events.ValidatePrincipal(after);

        Assert.Equal(TimeSpan.FromMinutes(30), options.ExpireTimeSpan);
        Assert.True(options.SlidingExpiration);
        Assert.NotNull(before.Principal);
        Assert.Null(after.Principal);
        Assert.Equal(1, stampChecks);
    }

    private sealed class NoAuthentication : IAuthenticationService
    {
        public Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme) => Task.FromResult(AuthenticateResult.NoResult());
        public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
        public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
        public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) => Task.CompletedTask;
        public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) => Task.CompletedTask;
    }
}
