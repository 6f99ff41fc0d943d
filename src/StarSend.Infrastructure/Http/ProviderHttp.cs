using System.Net;
using Flurl.Http;

namespace StarSend.Infrastructure.Http;

/// <summary>
/// The connection pool (one handler) the providers share, and the Flurl clients built on it: one per provider and base URL.
/// Every client lets any HTTP status through (for the providers a status is data, read by their error mappers),
/// leaves deadlines to the caller (each call sets its own on the injected clock), and a client that carries a key
/// never follows a redirect, so the key goes to its own origin and nowhere else.
/// </summary>
public static class ProviderHttp
{
    /// <summary>
    /// The shared connection pool: connect timeout 15 s, pooled connections renewed every 5 min, no automatic
    /// redirects and no cookies (Flurl decides per client whether to follow a redirect). The owner disposes it.
    /// </summary>
    public static HttpMessageHandler CreateConnections() =>
        new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
        };

    /// <summary>
    /// A client for one provider base URL that sends <paramref name="header"/> on every request (no header when the
    /// key is blank). Redirects are not followed: a 3xx comes back as an answer.
    /// </summary>
    internal static IFlurlClient Keyed(HttpMessageHandler connections, Uri baseUrl, string header, string? key)
    {
        var client = Configure(new FlurlClient(Over(connections), baseUrl.ToString()));
        client.Settings.Redirects.Enabled = false;
        if (!string.IsNullOrWhiteSpace(key))
        {
            client.WithHeader(header, key);
        }

        return client;
    }

    /// <summary>A client without any key for absolute URLs outside a provider's API (signed upload URLs, CDN downloads); follows redirects.</summary>
    internal static IFlurlClient Plain(HttpMessageHandler connections) => Configure(new FlurlClient(Over(connections)));

    /// <summary>A fresh HttpClient over the shared pool (Flurl sets its timeout, which an HttpClient allows only before its first request).</summary>
    private static HttpClient Over(HttpMessageHandler connections) =>
        new(connections, disposeHandler: false) { DefaultRequestHeaders = { { "User-Agent", "StarSend/1.0" } } };

    private static FlurlClient Configure(FlurlClient client)
    {
        client.Settings.Timeout = null;
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Redirects.ForwardAuthorizationHeader = false;
        return client;
    }
}
