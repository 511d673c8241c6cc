using System.Security.Claims;
using Evenhand.Data;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// While the database cannot be reached (<see cref="DatabaseAvailability"/>), a request that needed it gets 503 with
/// <c>Retry-After</c> instead of a 500: the API a problem+json body, a page the "Sorry, the service is unavailable" page
/// (<c>Pages/ServiceUnavailable</c>). Nothing is kept from the failure: once the database answers again (PostgreSQL
/// connections are reopened by the pool, commands retried by the execution strategy), the next request works, with no restart.
/// The page is drawn without signing the user in, because checking the sign-in cookie itself needs the database.
/// </summary>
public sealed class DatabaseUnavailable(RequestDelegate next, ILogger<DatabaseUnavailable> logger, IProblemDetailsService problems)
{
    public const string PagePath = "/service-unavailable";
    public const string RetryAfterSeconds = "30";
    public const string ApiTitle = "Service unavailable";
    public const string ApiDetail = "The database cannot be reached at the moment. Nothing was saved; try again in a few minutes.";

    private static readonly object Marker = new();

    /// <summary>True while the unavailable page is being drawn for a failed request (authentication is skipped then).</summary>
    public static bool IsShowing(HttpContext context) => context.Items.ContainsKey(Marker);

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested && DatabaseAvailability.IsUnavailable(ex))
        {
            logger.LogWarning(ex, "The database could not be reached for {Method} {Path}: answered 503.", context.Request.Method, context.Request.Path.Value);
            await RespondAsync(context);
        }
    }

    private async Task RespondAsync(HttpContext context)
    {
        context.Response.Clear();
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds;
        context.Response.Headers.CacheControl = "no-store";
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/openapi"))
        {
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = ApiTitle, Detail = ApiDetail },
            });
            return;
        }

        // Draw the page through the rest of the pipeline, as the exception handler does, as a GET by nobody in particular.
        var (path, query, method, user) = (context.Request.Path, context.Request.QueryString, context.Request.Method, context.User);
        context.Items[Marker] = true;
        context.SetEndpoint(null);
        context.Request.RouteValues.Clear();
        context.Request.Path = PagePath;
        context.Request.QueryString = QueryString.Empty;
        context.Request.Method = HttpMethods.Get;
        context.User = new ClaimsPrincipal(new ClaimsIdentity());
        try
        {
            await next(context);
        }
        finally
        {
            (context.Request.Path, context.Request.QueryString, context.Request.Method, context.User) = (path, query, method, user);
            context.Items.Remove(Marker);
        }
    }
}

public static class DatabaseUnavailableExtensions
{
    /// <summary>Place after the exception handler and status code pages, before routing and authentication.</summary>
    public static IApplicationBuilder UseDatabaseUnavailablePage(this IApplicationBuilder app) => app.UseMiddleware<DatabaseUnavailable>();

    /// <summary>Authentication, except while the unavailable page is drawn (checking the cookie needs the database).</summary>
    public static IApplicationBuilder UseAuthenticationUnlessDatabaseUnavailable(this IApplicationBuilder app)
    {
        app.UseWhen(c => !DatabaseUnavailable.IsShowing(c), b => b.UseAuthentication());
        // UseAuthentication marks the builder it is called on; called in a branch, it leaves the main pipeline unmarked, and
        // WebApplication would then put a second, unconditional authentication in front of everything. This is its marker.
        app.Properties["__AuthenticationMiddlewareSet"] = true;
        return app;
    }
}
