using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// The web app as a real server process (Kestrel on a loopback port), as it runs in production: its own process, its own home
/// folder (HOME, where ASP.NET Core would keep Data Protection keys by default) and its own temp folder, on a database the test
/// gives it. <see cref="Kill"/> ends it with SIGKILL, as a crash would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private AppProcess(string name, TestDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        Name = name;
        Home = Directory.CreateTempSubdirectory($"evenhand-home-{name}-").FullName;
        Directory.CreateDirectory(Path.Combine(Home, "tmp"));
        Port = FreePort();
        var info = new ProcessStartInfo("dotnet", [WebDll])
        {
            WorkingDirectory = Path.Combine(TestPaths.RepoRoot, "src", "Evenhand.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["HOME"] = Home;
        info.Environment["TMPDIR"] = Path.Combine(Home, "tmp");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/');
        info.Environment["Database__Provider"] = database.Provider.ToString();
        info.Environment["ConnectionStrings__Evenhand"] = database.ConnectionString;
        info.Environment["Demo__Enabled"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public string Name { get; }

    /// <summary>The server's home folder: the default place for Data Protection keys, which must stay unused.</summary>
    public string Home { get; }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the server wrote to its console, for failure messages.</summary>
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

    /// <summary>The web app built beside this test assembly's configuration (Debug or Release).</summary>
    private static string WebDll => Path.Combine(TestPaths.RepoRoot, "src", "Evenhand.Web", "bin",
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name, "net10.0", "Evenhand.Web.dll");

    /// <summary>Starts a server and waits until it answers.</summary>
    public static async Task<AppProcess> StartAsync(string name, TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = new AppProcess(name, database, settings ?? new Dictionary<string, string>());
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (app.process.HasExited)
            {
                throw new InvalidOperationException($"Server {name} exited with {app.process.ExitCode}:\n{app.Output}");
            }

            try
            {
                if ((await http.GetAsync("/")).StatusCode == HttpStatusCode.OK)
                {
                    return app;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        await app.DisposeAsync();
        throw new TimeoutException($"Server {name} did not answer within 2 minutes:\n{app.Output}");
    }

    /// <summary>Ends the server at once, with no shutdown: SIGKILL.</summary>
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
            // A file still open by the dying process; the temp folder's own clean-up takes it.
        }
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
