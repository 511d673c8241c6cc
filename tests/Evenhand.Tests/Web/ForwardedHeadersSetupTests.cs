using System.Net;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;

namespace Evenhand.Tests.Web;

public sealed class ForwardedHeadersSetupTests
{
    [Fact]
    public void Apply_TrustsTheProxiesAndNetworksNamed_ForClientAddressAndScheme()
    {
        var setup = new ForwardedHeadersSetup { Enabled = true, KnownProxies = "10.0.0.5, 10.0.0.6", KnownNetworks = "192.168.0.0/16", ForwardLimit = 2 };
        var options = new ForwardedHeadersOptions();

        setup.Apply(options);

        Assert.Equal(ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, options.ForwardedHeaders);
        Assert.Contains(IPAddress.Parse("10.0.0.6"), options.KnownProxies);
        Assert.Contains(System.Net.IPNetwork.Parse("192.168.0.0/16"), options.KnownIPNetworks);
        Assert.Equal(2, options.ForwardLimit);
    }
}
