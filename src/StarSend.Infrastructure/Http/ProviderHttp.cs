using System.Net;
using Flurl.Http;

namespace StarSend.Infrastructure.Http;

/// <summary>
/// The connection pool the providers share, and the Flurl clients built on it: one per provider and base URL.
/// Every client lets any HTTP status through (for the providers a status is data, read by their error mappers),
/// leaves deadlines to the caller (each call sets its own on the injected clock), and a client that carries a key
/// never follows a redirect, so the key goes to its own origin and nowhere else.
/// </summary>
public static class ProviderHttp
{
    /// <summary>
    /// The shared HttpClient: no client-wide timeout, pooled connections renewed, no automatic redirects (Flurl
    /// decides per client whether to follow one).
    /// </summary>
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            AllowAutoRedirect = false,
            UseCookies = false,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", "StarSend/1.0" } },
        };

    /// <summary>
    /// A client for one provider base URL that sends <paramref name="header"/> on every request (no header when the
    /// key is blank). Redirects are not followed: a 3xx comes back as an answer.
    /// </summary>
    internal static IFlurlClient Keyed(HttpClient http, Uri baseUrl, string header, string? key)
    {
        var client = Configure(new FlurlClient(http, baseUrl.ToString()));
        client.Settings.Redirects.Enabled = false;
        if (!string.IsNullOrWhiteSpace(key))
        {
            client.WithHeader(header, key);
        }

        return client;
    }

    /// <summary>A client without any key for absolute URLs outside a provider's API (signed upload URLs, CDN downloads); follows redirects.</summary>
    internal static IFlurlClient Plain(HttpClient http) => Configure(new FlurlClient(http));

    private static FlurlClient Configure(FlurlClient client)
    {
        client.Settings.Timeout = null;
        client.Settings.AllowedHttpStatusRange = "*";
        client.Settings.Redirects.ForwardAuthorizationHeader = false;
        return client;
    }
}
