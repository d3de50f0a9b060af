using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// Behind a TLS-terminating reverse proxy the app must see the client's scheme (https: Secure cookies, absolute
/// redirects) and address (sign-in log). It takes <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> only from the
/// proxies in <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR
/// networks); with neither configured, only loopback is trusted (ASP.NET's default). From any other address the
/// headers are ignored, so a client cannot claim to be https or somebody else. The Host header is taken as the proxy
/// passes it (<c>X-Forwarded-Host</c> is not read).
/// </summary>
public static class ForwardedHeadersSetup
{
    public const string Section = "ForwardedHeaders";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IConfiguration>((options, configuration) => Apply(options, configuration.GetSection(Section)))
            // A wrong address stops the app at start-up with the message below, not at its first request.
            .ValidateOnStart();
        return services;
    }

    /// <summary>First in the pipeline: everything after it sees the client's scheme and address.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    public static void Apply(ForwardedHeadersOptions options, IConfiguration section)
    {
        // X-Forwarded-For must be on: the middleware checks the sender against the trusted list only when it reads it.
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = Values(section, "KnownProxies");
        var networks = Values(section, "KnownNetworks");
        if (proxies.Count == 0 && networks.Count == 0)
        {
            return;
        }

        // Configured proxies replace the loopback default: only what the operator names is trusted.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var (key, value) in proxies)
        {
            options.KnownProxies.Add(IPAddress.TryParse(value, out var address)
                ? address
                : throw new InvalidOperationException($"{key} is '{value}', which is not an IP address (e.g. 172.18.0.5)."));
        }

        foreach (var (key, value) in networks)
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(value, out var network)
                ? network
                : throw new InvalidOperationException($"{key} is '{value}', which is not a network in CIDR notation (e.g. 172.18.0.0/16)."));
        }
    }

    private static List<(string Key, string Value)> Values(IConfiguration section, string name) =>
        section.GetSection(name).GetChildren()
            .Where(child => !string.IsNullOrWhiteSpace(child.Value))
            .Select(child => ($"{Section}:{name}:{child.Key}", child.Value!.Trim()))
            .ToList();
}
