using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Running behind a reverse proxy that terminates TLS (ForwardedHeaders:*). Off by default: the app then trusts no
/// X-Forwarded-* header. When on, only the proxies listed (plus loopback) are believed, so the scheme (HTTPS, hence
/// Secure cookies and no redirect loop) and the client address come from the proxy, not from whoever sent the request.
/// </summary>
public sealed class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public bool Enabled { get; set; }

    /// <summary>Proxy addresses, comma-separated (e.g. <c>10.0.0.5,10.0.0.6</c>).</summary>
    public string? KnownProxies { get; set; }

    /// <summary>Proxy networks in CIDR form, comma-separated (e.g. <c>10.0.0.0/8</c>).</summary>
    public string? KnownNetworks { get; set; }

    /// <summary>How many proxies in front of the app to believe.</summary>
    public int ForwardLimit { get; set; } = 1;

    public void Apply(ForwardedHeadersOptions o)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        o.ForwardLimit = ForwardLimit;
        foreach (var proxy in Split(KnownProxies))
        {
            o.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        foreach (var network in Split(KnownNetworks))
        {
            o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        }
    }

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
