using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Evenhand.Tests.Infrastructure;

namespace Evenhand.Tests.Web;

/// <summary>
/// Issue 12 point 3: with <c>Logging:Console:FormatterName=json</c> the web app writes one JSON object per line to standard
/// output, and each line written for a request carries its request id and trace id. The app runs as its own process, as it
/// does in production, and its real console output is read.
/// </summary>
public sealed partial class StructuredLoggingTests
{
    [Fact]
    public async Task JsonConsole_OneObjectPerLine_RequestLinesCarryRequestIdAndTraceId()
    {
        using var database = TestDatabases.Create(TestDatabases.Sqlite);
        var folder = Directory.CreateTempSubdirectory("evenhand-logs-").FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Evenhand.Web.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Evenhand"] = database.ConnectionString;
        start.Environment["BackgroundWork__Enabled"] = "false";
        start.Environment["Logging__Console__FormatterName"] = "json";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information";

        var lines = new BlockingCollection<string>();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                lines.Add(line);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var seen = new List<JsonElement>();
            JsonElement Next(Func<JsonElement, bool> wanted, TimeSpan wait)
            {
                using var timeout = new CancellationTokenSource(wait);
                while (true)
                {
                    var line = lines.Take(timeout.Token);
                    using var doc = JsonDocument.Parse(line); // every line is a JSON object, or this throws
                    var entry = doc.RootElement.Clone();
                    seen.Add(entry);
                    if (wanted(entry))
                    {
                        return entry;
                    }
                }
            }

            // Starting a second .NET process (migrating its database first) has taken over a minute on a loaded 2-core machine.
            var listening = Next(e => e.GetProperty("Message").GetString()!.StartsWith("Now listening on:", StringComparison.Ordinal), TimeSpan.FromMinutes(3));
            Assert.Equal("Microsoft.Hosting.Lifetime", listening.GetProperty("Category").GetString());
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", listening.GetProperty("Timestamp").GetString());
            var address = listening.GetProperty("State").GetProperty("address").GetString()!;

            using var http = new HttpClient { BaseAddress = new Uri(address) };
            using var response = await http.GetAsync("/health/live");
            Assert.True(response.IsSuccessStatusCode);

            var request = Next(e => e.GetProperty("Category").GetString() == "Microsoft.AspNetCore.Hosting.Diagnostics"
                && e.GetProperty("Message").GetString()!.Contains("/health/live", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
            var scopes = request.GetProperty("Scopes").EnumerateArray().ToList();
            var requestScope = Assert.Single(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _));
            Assert.Equal("/health/live", requestScope.GetProperty("RequestPath").GetString());
            Assert.False(string.IsNullOrEmpty(requestScope.GetProperty("RequestId").GetString()));
            var traceScope = Assert.Single(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TraceId", out _));
            Assert.Matches(HexId(), traceScope.GetProperty("TraceId").GetString());
            Assert.True(traceScope.TryGetProperty("SpanId", out _));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex HexId();
}
