using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Evenhand.Bench.Load;

/// <summary>
/// The web app as a real server process, as it runs in production: the Release build of src/Evenhand.Web, Production
/// settings, Kestrel on a loopback port, its own home and temp folders, behind a (pretend) TLS-terminating proxy: the load
/// tool sends <c>X-Forwarded-Proto: https</c> and the server trusts it from loopback (<c>ForwardedHeaders:Enabled</c>), so
/// cookies are Secure and there is no HTTPS redirect. Memory is read from /proc; <see cref="Kill"/> is SIGKILL.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private readonly ProcessStartInfo info;
    private readonly StringBuilder output = new();
    private Process process = null!;

    private ServerProcess(string name, Dictionary<string, string> environment)
    {
        Name = name;
        Home = Directory.CreateTempSubdirectory($"evenhand-load-{name}-").FullName;
        Directory.CreateDirectory(Path.Combine(Home, "tmp"));
        Port = FreePort();
        info = new ProcessStartInfo("dotnet", [WebDll])
        {
            WorkingDirectory = Path.GetDirectoryName(WebDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["HOME"] = Home;
        info.Environment["TMPDIR"] = Path.Combine(Home, "tmp");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public string Name { get; }

    public string Home { get; }

    public int Port { get; }

    public int Pid { get; private set; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public bool HasExited => process.HasExited;

    /// <summary>Peak resident memory seen by <see cref="SampleMemory"/>, in bytes.</summary>
    public long PeakRss { get; private set; }

    /// <summary>The process's threads at the last sample, and the most seen.</summary>
    public int Threads { get; private set; }

    public int PeakThreads { get; private set; }

    /// <summary>The last resident memory sampled, in bytes.</summary>
    public long LastRss { get; private set; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>The Release web app, built with this benchmark (the bench project references it).</summary>
    public static string WebDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            return Path.Combine(Repo.Root, "src", "Evenhand.Web", "bin", configuration, "net10.0", "Evenhand.Web.dll");
        }
    }

    /// <summary>Starts a server on the given settings and waits until /health/ready answers 200.</summary>
    public static async Task<ServerProcess> StartAsync(string name, IReadOnlyDictionary<string, string> settings, TimeSpan? timeout = null)
    {
        if (!File.Exists(WebDll))
        {
            throw new FileNotFoundException($"Build the web app first: {WebDll} is missing (dotnet build -c Release bench/Evenhand.Bench).");
        }

        var server = new ServerProcess(name, new Dictionary<string, string>(settings));
        try
        {
            await server.StartProcessAsync(timeout ?? TimeSpan.FromMinutes(3));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>A new process with the same settings and port (as a supervisor restarting a crashed server would).</summary>
    public async Task RestartAsync(TimeSpan? timeout = null)
    {
        if (!process.HasExited)
        {
            throw new InvalidOperationException($"Server {Name} is still running.");
        }

        lock (output)
        {
            output.AppendLine("---- restarted ----");
        }

        process.Dispose();
        await StartProcessAsync(timeout ?? TimeSpan.FromMinutes(3));
    }

    private async Task StartProcessAsync(TimeSpan timeout)
    {
        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Server {Name} exited with {process.ExitCode}:\n{Tail(Output)}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    SampleMemory();
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Server {Name} was not ready within {timeout.TotalSeconds:F0} s:\n{Tail(Output)}");
    }

    /// <summary>Reads VmRSS and VmHWM from /proc/&lt;pid&gt;/status.</summary>
    public void SampleMemory()
    {
        if (process.HasExited)
        {
            return;
        }

        try
        {
            foreach (var line in File.ReadLines($"/proc/{Pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    LastRss = Kilobytes(line) * 1024;
                    PeakRss = Math.Max(PeakRss, LastRss);
                }
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    PeakRss = Math.Max(PeakRss, Kilobytes(line) * 1024);
                }
                else if (line.StartsWith("Threads:", StringComparison.Ordinal))
                {
                    Threads = (int)Kilobytes(line);
                    PeakThreads = Math.Max(PeakThreads, Threads);
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }

        static long Kilobytes(string line) =>
            long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>CPU time (user + system) the process has used, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan CpuTime()
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{Pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // Fields 14 and 15 of stat (utime, stime), counted from the state field (3) here.
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Ends the server at once, with no shutdown: SIGKILL, as a crash or the kernel's OOM killer would.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        await Task.Yield();
        try
        {
            Directory.Delete(Home, recursive: true);
        }
        catch (IOException)
        {
            // Left for the temp folder's own clean-up.
        }
    }

    public static string Tail(string text, int lines = 40)
    {
        var all = text.Split('\n');
        return string.Join('\n', all.Skip(Math.Max(0, all.Length - lines)));
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

internal static class Repo
{
    /// <summary>
    /// The settings an in-memory app of the benchmarks runs with: the repository's web project as content root, Production
    /// settings, the given database with demo data (demo users' password given), no background jobs and quiet logs.
    /// </summary>
    public static void UseBenchmarkApp(this Microsoft.AspNetCore.Hosting.IWebHostBuilder builder, Evenhand.Data.DatabaseProvider provider, string connection, string demoPassword)
    {
        builder.UseContentRoot(Path.Combine(Root, "src", "Evenhand.Web"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", provider.ToString());
        builder.UseSetting("ConnectionStrings:Evenhand", connection);
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:Password", demoPassword);
        builder.UseSetting("BackgroundWork:Enabled", "false");
        builder.ConfigureLogging(l => l.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
    }

    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Evenhand.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Evenhand.slnx not found above " + AppContext.BaseDirectory);
    }
}
