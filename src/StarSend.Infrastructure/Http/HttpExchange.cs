using System.Runtime.ExceptionServices;
using Flurl.Http;
using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Http;

/// <summary>One Flurl request and its whole answer under one deadline, so a stalled server cannot hang a call.</summary>
internal static class HttpExchange
{
    /// <summary>Large enough for a 4K image as base64 JSON; anything bigger is not an API answer.</summary>
    public const int MaxBodyBytes = 96 * 1024 * 1024;

    /// <summary>
    /// Runs <paramref name="send"/> (a Flurl send with <see cref="HttpCompletionOption.ResponseHeadersRead"/>) and reads
    /// the body, bounded to <see cref="MaxBodyBytes"/>. Transport failures surface as the underlying
    /// <see cref="HttpRequestException"/> (see <see cref="Unwrap"/>); a passed deadline as a timed-out <see cref="TransientHttpException"/>.
    /// </summary>
    public static async Task<HttpAnswer> SendAsync(
        Func<CancellationToken, Task<IFlurlResponse>> send, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            using var response = await Unwrap(() => send(linked.Token));
            var body = await ReadBodyAsync(response.ResponseMessage.Content, linked.Token);
            return new HttpAnswer(response.StatusCode, HeadersOf(response), body);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientHttpException($"no answer within {timeout.TotalSeconds:0.#} s", inner: ex) { TimedOut = true };
        }
    }

    /// <summary>
    /// Awaits a Flurl call and rethrows what Flurl wrapped (the connection failure or the cancellation) as it was.
    /// Flurl's own exception holds the whole call, request headers included; dropping it at this boundary keeps
    /// keys out of anything that formats or logs an exception, and lets the retry policy see the transport error.
    /// </summary>
    public static async Task<IFlurlResponse> Unwrap(Func<Task<IFlurlResponse>> call)
    {
        try
        {
            return await call();
        }
        catch (FlurlHttpException ex) when (ex.InnerException is HttpRequestException or IOException or OperationCanceledException)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
        catch (FlurlHttpException ex)
        {
            throw new HttpRequestException($"the call failed ({ex.InnerException?.GetType().Name ?? "no answer"})", ex.InnerException);
        }
    }

    /// <summary>Response and content headers by case-insensitive name; repeated headers joined with ", ".</summary>
    public static Dictionary<string, string> HeadersOf(IFlurlResponse response)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
        {
            headers[name] = headers.TryGetValue(name, out var before) ? $"{before}, {value}" : value;
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
