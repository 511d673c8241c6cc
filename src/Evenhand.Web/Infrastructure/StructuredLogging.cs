using Microsoft.Extensions.Logging.Console;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Logs for a log collector: with <c>Logging:Console:FormatterName=json</c> the console writes one JSON object per line
/// (UTC ISO 8601 timestamp, level, category, message, the message's named values, the exception) and each line written
/// while answering a request carries that request's scopes: <c>RequestId</c> and <c>RequestPath</c> from ASP.NET Core, and
/// the W3C <c>TraceId</c> and <c>SpanId</c> of its activity (the reference the "service unavailable" page shows). Without
/// the setting the console keeps the usual readable lines.
/// </summary>
public static class StructuredLogging
{
    public const string FormatterSetting = "Logging:Console:FormatterName";

    public static WebApplicationBuilder AddEvenhandLogging(this WebApplicationBuilder builder)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
        });
        // Logging:Console:FormatterOptions:* still has the last word.
        builder.Services.Configure<JsonConsoleFormatterOptions>(builder.Configuration.GetSection("Logging:Console:FormatterOptions"));
        return builder;
    }
}
