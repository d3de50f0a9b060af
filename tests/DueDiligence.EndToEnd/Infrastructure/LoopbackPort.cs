using System.Net;
using System.Net.Sockets;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>A TCP port nobody listens on at the moment, on 127.0.0.1.</summary>
public static class LoopbackPort
{
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
