using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.BrowserTests.Infrastructure;

/// <summary>
/// What the browser tests' server was doing, for a failure message: the requests still running and the slow ones that
/// finished, the thread pool and the background jobs running. A browser wait that times out says only that the page did
/// not arrive; this says whether the server was still working on it, and beside which background jobs.
/// </summary>
public sealed class ServerActivity
{
    /// <summary>A request that takes longer than this is kept for the report.</summary>
    public static readonly TimeSpan Slow = TimeSpan.FromSeconds(3);

    private readonly ConcurrentDictionary<long, (string Request, long Started)> running = new();
    private readonly ConcurrentQueue<string> slow = new();
    private long next;

    public int SlowCount => slow.Count;

    internal async Task RecordAsync(HttpContext context, RequestDelegate nextStep)
    {
        var id = Interlocked.Increment(ref next);
        var started = Stopwatch.GetTimestamp();
        var request = $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}";
        running[id] = (request, started);
        try
        {
            await nextStep(context);
        }
        finally
        {
            running.TryRemove(id, out _);
            var took = Stopwatch.GetElapsedTime(started);
            if (took >= Slow)
            {
                slow.Enqueue($"{request} → {context.Response.StatusCode} in {took.TotalSeconds:0.0} s (finished {DateTimeOffset.Now:HH:mm:ss})");
            }
        }
    }

    /// <summary>The report: running requests, slow requests, thread pool, the latest job runs.</summary>
    public async Task<string> DescribeAsync(IServiceProvider services)
    {
        var text = new StringBuilder();
        var now = Stopwatch.GetTimestamp();
        text.AppendLine(CultureInfo.InvariantCulture, $"Server at {DateTimeOffset.Now:HH:mm:ss}: {running.Count} request(s) running");
        foreach (var (request, started) in running.Values)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  running {Stopwatch.GetElapsedTime(started, now).TotalSeconds:0.0} s: {request}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"Requests slower than {Slow.TotalSeconds:0} s: {slow.Count}");
        foreach (var line in slow.TakeLast(20))
        {
            text.AppendLine("  " + line);
        }

        ThreadPool.GetMinThreads(out var minWorkers, out _);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Thread pool: {ThreadPool.ThreadCount} threads (minimum {minWorkers}), {ThreadPool.PendingWorkItemCount} work items waiting");
        // The job engine's own record of its runs (what /admin/jobs shows), newest first: which ran beside the slow request.
        using var scope = services.CreateScope();
        var runs = await scope.ServiceProvider.GetRequiredService<EvenhandDbContext>().BackgroundJobRuns.AsNoTracking()
            .OrderByDescending(r => r.Id).Take(8).ToListAsync();
        text.AppendLine("Latest job runs:");
        foreach (var run in runs)
        {
            var finished = run.FinishedAt is { } at ? $"finished {at.ToLocalTime():HH:mm:ss}" : "not finished";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {run.Job} {run.Subject} started {run.StartedAt.ToLocalTime():HH:mm:ss}, {finished}: {run.Outcome} {run.Result}");
        }

        return text.ToString();
    }

    /// <summary>Puts the recording first in the server's pipeline, so it times everything the browser asks for, files included.</summary>
    internal sealed class StartupFilter(ServerActivity activity) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextStep) => activity.RecordAsync(context, nextStep));
            next(app);
        };
    }
}
