using Microsoft.Net.Http.Headers;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// The security headers every response carries, from one middleware at the front of the pipeline (ASVS 14.4). The
/// content security policy allows only the app's own scripts, styles, images and fonts: no inline script, no style
/// attributes (charts are SVG drawn on the server), no framing (<c>frame-ancestors 'none'</c>, and X-Frame-Options for
/// older browsers), forms posting only to the app itself.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Features the app never uses, switched off for it and anything it might embed.</summary>
    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), " +
        "browsing-topics=()";

    /// <summary>Addresses carry record ids (incidents, responses): send them to no other site.</summary>
    public const string ReferrerPolicy = "same-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // On starting, so the headers survive the exception handler and status-code pages, which clear the response.
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
            headers[HeaderNames.XContentTypeOptions] = "nosniff";
            headers[HeaderNames.XFrameOptions] = "DENY";
            headers["Referrer-Policy"] = ReferrerPolicy;
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        }, context);
        return next(context);
    });

    /// <summary>
    /// <c>Cache-Control: no-store</c> on every response to a signed-in user (ASVS 8.2.1): pages, API answers, CSVs and
    /// file downloads alike, so the subject's personal data, its attachments, evidence files and every export stay out of
    /// browser and proxy caches, and a page added later is covered without anyone remembering. Runs after authentication;
    /// static files (served earlier in the pipeline) and anonymous public pages keep their caching.
    /// </summary>
    public static IApplicationBuilder UseNoStoreForPersonalData(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpContext)state).Response.Headers;
                headers[HeaderNames.CacheControl] = "no-store";
                headers[HeaderNames.Pragma] = "no-cache";
                headers.Remove(HeaderNames.Expires);
                return Task.CompletedTask;
            }, context);
        }

        return next(context);
    });
}
