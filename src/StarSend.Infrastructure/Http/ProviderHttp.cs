using System.Net;

namespace StarSend.Infrastructure.Http;

/// <summary>The HttpClient the providers expect: no client-wide timeout (each call sets its own), pooled connections renewed.</summary>
public static class ProviderHttp
{
    public static HttpClient CreateClient() =>
        new(new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(15),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
            DefaultRequestHeaders = { { "User-Agent", "StarSend/1.0" } },
        };
}
