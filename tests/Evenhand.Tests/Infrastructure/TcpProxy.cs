using System.Net;
using System.Net.Sockets;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a loopback port to a real server (PostgreSQL), which a test can cut and restore: <see cref="Stop"/> drops
/// every open connection and refuses new ones, as a database server that went away would; <see cref="Start"/> listens on the
/// same port again. The app under test connects through it and never knows.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private TcpListener? listener;
    private CancellationTokenSource? stop;

    public TcpProxy(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Start();
    }

    public int Port { get; }

    public bool IsRunning => listener is not null;

    public void Start()
    {
        lock (gate)
        {
            if (listener is not null)
            {
                return;
            }

            var l = new TcpListener(IPAddress.Loopback, Port);
            l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            l.Start();
            listener = l;
            stop = new CancellationTokenSource();
            _ = AcceptAsync(l, stop.Token);
        }
    }

    /// <summary>Refuses new connections and resets every open one.</summary>
    public void Stop()
    {
        lock (gate)
        {
            stop?.Cancel();
            listener?.Stop();
            listener = null;
            foreach (var client in open.ToList())
            {
                try
                {
                    if (client.Client is { } socket)
                    {
                        socket.LingerState = new LingerOption(true, 0); // reset, not a polite close
                    }

                    client.Close();
                }
                catch (Exception e) when (e is ObjectDisposedException or SocketException)
                {
                }
            }

            open.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener l, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await l.AcceptTcpClientAsync(ct);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = RelayAsync(inbound, ct);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken ct)
    {
        var outbound = new TcpClient();
        try
        {
            await outbound.ConnectAsync(targetHost, targetPort, ct);
            lock (gate)
            {
                ct.ThrowIfCancellationRequested();

                open.Add(inbound);
                open.Add(outbound);
            }

            var a = inbound.GetStream();
            var b = outbound.GetStream();
            await Task.WhenAny(a.CopyToAsync(b, ct), b.CopyToAsync(a, ct));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
            lock (gate)
            {
                open.Remove(inbound);
                open.Remove(outbound);
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }
}
