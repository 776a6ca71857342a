using System.Net;
using System.Net.Sockets;

namespace Workflow.Testing;

/// <summary>Free loopback TCP ports for servers that tests start themselves.</summary>
public static class FreePort
{
    /// <summary>
    /// A port that was free a moment ago. Another process can take it before the caller binds it, so prefer servers
    /// that bind port 0 themselves (DynaliteServer does) and use this only for servers that need the number up front.
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
