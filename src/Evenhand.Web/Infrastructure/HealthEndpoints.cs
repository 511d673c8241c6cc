using Evenhand.Data;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Health endpoints for a load balancer or orchestrator, anonymous, never cached, answering a small JSON body:
/// <list type="bullet">
/// <item><c>/health/live</c>: the process is up and serving requests. It asks nothing of the database, so a database
/// outage never gets a healthy server restarted.</item>
/// <item><c>/health/ready</c>: the server can do its work: the database answers and every migration this build knows is
/// applied, plus every other check registered with the <see cref="ReadyTag"/> tag (the job engine adds its own). 503 when
/// any fails, so the load balancer sends requests elsewhere until it recovers; no restart is needed.</item>
/// </list>
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Tag of the checks <c>/health/ready</c> runs: <c>AddHealthChecks().AddCheck&lt;T&gt;(name, tags: [HealthEndpoints.ReadyTag])</c>.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Tag of the checks <c>/health/live</c> runs (none by default: being able to answer is the test).</summary>
    public const string LiveTag = "live";

    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    /// <summary>How long the readiness probe waits for the database before calling it unavailable.</summary>
    public static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(5);

    public static IHealthChecksBuilder AddEvenhandHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", HealthStatus.Unhealthy, [ReadyTag], DatabaseTimeout);

    public static void MapEvenhandHealthChecks(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
    }

    /// <summary>True for the health endpoints, which a load balancer calls over plain HTTP inside the network.</summary>
    public static bool IsHealthRequest(HttpContext context) => context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// <c>{"status":"Unhealthy","checks":{"database":{"status":"Unhealthy","description":"The database cannot be reached."}},"durationMs":12}</c>.
    /// Descriptions are fixed sentences: the endpoint is public, so no exception text, host name or connection detail goes out
    /// (they are in the log).
    /// </summary>
    private static Task WriteAsync(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            durationMs = (long)report.TotalDuration.TotalMilliseconds,
        });
}

/// <summary>The database answers and has every migration of this build applied (one attempt, never retried, so the probe answers quickly).</summary>
public sealed class DatabaseReadyCheck(EvenhandDbContext db) : IHealthCheck
{
    public const string Unreachable = "The database cannot be reached.";
    public const string Failed = "The database could not be queried.";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var pending = await db.OnceAsync(async ct =>
            {
                var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToHashSet(StringComparer.Ordinal);
                return db.Database.GetMigrations().Count(m => !applied.Contains(m));
            }, cancellationToken);
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers and is up to date.")
                : HealthCheckResult.Unhealthy($"{pending} migration{(pending == 1 ? " is" : "s are")} not applied to the database: run 'evenhand db migrate' or restart the app.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy(DatabaseAvailability.IsUnavailable(ex) ? Unreachable : Failed, ex);
        }
    }
}
