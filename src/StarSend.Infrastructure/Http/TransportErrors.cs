using System.Net.Sockets;

namespace StarSend.Infrastructure.Http;

/// <summary>Sorts transport failures by whether the request may have reached the server.</summary>
internal static class TransportErrors
{
    /// <summary>True when the failure happened before a byte of the request left (DNS, connect, TLS handshake).</summary>
    public static bool NothingSent(Exception ex) =>
        ex is HttpRequestException
        {
            HttpRequestError: HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError,
        };

    /// <summary>A broken or refused connection, or a response that ended early: worth another try for a repeatable call.</summary>
    public static bool IsTransport(Exception ex) =>
        ex is HttpRequestException or HttpIOException || (ex is IOException && ex.InnerException is SocketException);
}
