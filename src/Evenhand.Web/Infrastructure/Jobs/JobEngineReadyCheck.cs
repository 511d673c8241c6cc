using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Quartz;

namespace Evenhand.Web.Infrastructure.Jobs;

/// <summary>
/// Part of <c>/health/ready</c>: the job engine on this server is running (started, not shut down). A server whose
/// configuration turns background work off (<c>BackgroundWork:Enabled=false</c>) is ready without it: another server runs
/// the jobs. Descriptions are fixed sentences, as the endpoint is public.
/// </summary>
internal sealed class JobEngineReadyCheck(ISchedulerFactory schedulers, IOptions<BackgroundWorkOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return HealthCheckResult.Healthy("Background work is turned off on this server.");
        }

        var scheduler = await schedulers.GetScheduler(cancellationToken);
        return await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running
            ? HealthCheckResult.Healthy("The job engine is running.")
            : HealthCheckResult.Unhealthy("The job engine is not running.");
    }
}
