using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Http;

/// <summary>One request and its whole answer under one deadline, so a stalled server cannot hang a call.</summary>
internal static class HttpExchange
{
    /// <summary>Large enough for a 4K image as base64 JSON; anything bigger is not an API answer.</summary>
    public const int MaxBodyBytes = 96 * 1024 * 1024;

    public static async Task<HttpAnswer> SendAsync(
        HttpClient http, HttpRequestMessage request, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            var body = await ReadBodyAsync(response.Content, linked.Token);
            return new HttpAnswer((int)response.StatusCode, HeadersOf(response), body);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientHttpException($"no answer within {timeout.TotalSeconds:0.#} s", inner: ex) { TimedOut = true };
        }
    }

    public static Dictionary<string, string> HeadersOf(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = string.Join(", ", values);
        }

        return headers;
    }

    private static async Task<byte[]> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxBodyBytes)
        {
            throw TooLarge();
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw TooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static ProviderException TooLarge() =>
        new($"the provider answered with more than {MaxBodyBytes / (1024 * 1024)} MB, which is not an API answer", ProviderErrorKind.Other);
}
