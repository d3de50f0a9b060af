using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>A webhook target that may not be reached; the message says why, in words an administrator can act on.</summary>
public sealed class WebhookTargetRefusedException(string message) : Exception(message);

/// <summary>
/// Which addresses webhooks may reach: https to public addresses only — no loopback, link-local, private, shared (CGNAT),
/// unique-local, multicast or reserved ranges — unless <c>Webhooks:AllowPrivateTargets</c> is on, which lets them reach
/// those too, and over plain http (never a public address over http). Every address a host name resolves to is checked
/// when an endpoint is saved, and again when the sender connects (<see cref="ConnectAsync"/>), which then connects to
/// the very address it checked: a name that resolves elsewhere between the two (DNS rebinding) is refused.
/// </summary>
public sealed class WebhookTargets(IOptionsMonitor<WebhookOptions> options)
{
    private static readonly (IPAddress Network, int PrefixLength)[] ForbiddenNetworks =
    [
        (IPAddress.Parse("0.0.0.0"), 8),
        (IPAddress.Parse("10.0.0.0"), 8),
        (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8),
        (IPAddress.Parse("169.254.0.0"), 16),
        (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24),
        (IPAddress.Parse("192.168.0.0"), 16),
        (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4),
        (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128),
        (IPAddress.Parse("::1"), 128),
        (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10),
        (IPAddress.Parse("fec0::"), 10),
        (IPAddress.Parse("ff00::"), 8),
    ];

    private bool AllowPrivate => options.CurrentValue.AllowPrivateTargets;

    /// <summary>Why <paramref name="url"/> cannot be an endpoint, or null when it can: its form, then every address its host resolves to.</summary>
    public async Task<string?> RefusalAsync(string url, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var target) || target.Scheme is not ("https" or "http") || string.IsNullOrEmpty(target.Host))
        {
            return "Enter the endpoint's full address, starting with https://.";
        }

        if (!string.IsNullOrEmpty(target.UserInfo) || !string.IsNullOrEmpty(target.Fragment))
        {
            return "Leave the user name, password and # part out of the address; the signature proves each delivery instead.";
        }

        if (target.Scheme == "http" && !AllowPrivate)
        {
            return "The address must start with https://: deliveries are only sent encrypted.";
        }

        try
        {
            await AllowedAddressesAsync(target, cancellationToken);
            return null;
        }
        catch (WebhookTargetRefusedException refused)
        {
            return refused.Message;
        }
    }

    /// <summary>
    /// For the sender's <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host now, refuses when any of its
    /// addresses is forbidden, and connects to one of the addresses just checked.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var target = context.InitialRequestMessage.RequestUri!;
        var addresses = await AllowedAddressesAsync(target, cancellationToken);
        if (target.Scheme == "http" && !AllowPrivate)
        {
            throw new WebhookTargetRefusedException($"{target.Host} is not reached over plain http: the address must start with https://.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>True for loopback, link-local, private, shared, unique-local, multicast and reserved addresses (IPv4-mapped ones as their IPv4).</summary>
    public static bool IsForbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return ForbiddenNetworks.Any(n => n.Network.AddressFamily == address.AddressFamily && new IPNetwork(n.Network, n.PrefixLength).Contains(address));
    }

    private async Task<IPAddress[]> AllowedAddressesAsync(Uri target, CancellationToken cancellationToken)
    {
        var host = target.IdnHost;
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            }
            catch (SocketException)
            {
                throw new WebhookTargetRefusedException($"{target.Host} cannot be found (DNS). Check the address.");
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{target.Host} cannot be found (DNS). Check the address.");
        }

        var forbidden = addresses.FirstOrDefault(IsForbidden);
        if (forbidden is not null && !AllowPrivate)
        {
            throw new WebhookTargetRefusedException(
                $"{target.Host} leads to {forbidden}, a loopback, private or otherwise internal address, which webhooks may not reach. Use a public address.");
        }

        if (target.Scheme == "http" && addresses.Any(a => !IsForbidden(a)))
        {
            throw new WebhookTargetRefusedException($"{target.Host} is a public address: deliveries to it must use https://.");
        }

        return addresses;
    }
}
