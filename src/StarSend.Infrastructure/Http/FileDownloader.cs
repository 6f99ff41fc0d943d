using System.Net;
using System.Net.Http.Headers;
using Flurl.Http;
using Serilog;
using StarSend.Core.Errors;

namespace StarSend.Infrastructure.Http;

/// <summary>
/// Streams a URL to <c>&lt;destination&gt;.part</c> (never the whole file in memory), resumes a broken transfer with
/// <c>Range</c>, checks the length against the server's, and only then renames the file into place.
/// Requests go through a key-less Flurl client: a download URL is a CDN's, never a provider API's.
/// </summary>
internal sealed class FileDownloader(IFlurlClient http, TimeProvider time, RetryRunner retry, TimeSpan idleTimeout, ILogger log)
{
    /// <summary>
    /// Downloads <paramref name="url"/> to <paramref name="destinationPath"/>. With <paramref name="expectedBytes"/> (the
    /// result's <c>file_size</c>), a body that ends short of it although the server called it whole is resumed with
    /// <c>Range</c> like a cut transfer.
    /// </summary>
    public async Task<long> DownloadAsync(Uri url, string destinationPath, long maxBytes, long? expectedBytes, CancellationToken cancellationToken)
    {
        var part = destinationPath + ".part";
        File.Delete(part);
        try
        {
            var length = await retry.ExecuteAsync("download", token => AttemptAsync(url, part, maxBytes, expectedBytes, token), cancellationToken);
            File.Move(part, destinationPath, overwrite: true);
            return length;
        }
        catch
        {
            File.Delete(part);
            throw;
        }
    }

    private async Task<long> AttemptAsync(Uri url, string part, long maxBytes, long? expectedBytes, CancellationToken cancellationToken)
    {
        var offset = File.Exists(part) ? new FileInfo(part).Length : 0;
        var request = http.Request(url.AbsoluteUri);
        if (offset > 0)
        {
            request.WithHeader("Range", new RangeHeaderValue(offset, null).ToString());
        }

        using var idle = new CancellationTokenSource(idleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            using var answer = await HttpExchange.Unwrap(() => request.SendAsync(HttpMethod.Get, null, HttpCompletionOption.ResponseHeadersRead, linked.Token));
            var response = answer.ResponseMessage;
            var total = Accept(response, url, part, ref offset);
            if (total is null && response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
            {
                return offset;
            }

            if (total > maxBytes)
            {
                throw TooBig(url, total.Value, maxBytes);
            }

            if (response.Content.Headers.ContentType?.MediaType is "text/html")
            {
                // An error page served as the file (field-log #13): never resumed onto, never kept.
                throw new ProviderException($"{url} answered an HTML page, not the file (HTTP {(int)response.StatusCode} text/html)", ProviderErrorKind.BadOutput, (int)response.StatusCode);
            }

            await using var body = await response.Content.ReadAsStreamAsync(linked.Token);
            await using (var file = new FileStream(part, FileMode.Append, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
            {
                var buffer = new byte[1 << 16];
                int read;
                idle.CancelAfter(idleTimeout);
                while ((read = await body.ReadAsync(buffer, linked.Token)) > 0)
                {
                    idle.CancelAfter(idleTimeout);
                    if (file.Length + read > maxBytes)
                    {
                        throw TooBig(url, file.Length + read, maxBytes);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), linked.Token);
                }

                offset = file.Length;
            }

            if (total is not null && offset != total)
            {
                throw new TransientHttpException($"the download of {url} stopped at {offset} of {total} bytes");
            }

            if (expectedBytes is { } expected && offset < expected)
            {
                throw new TransientHttpException($"the download of {url} ended at {offset} of the {expected} bytes the result announced");
            }

            return offset;
        }
        catch (OperationCanceledException ex) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TransientHttpException($"the download of {url} received nothing for {idleTimeout.TotalSeconds:0} s", inner: ex) { TimedOut = true };
        }
    }

    /// <summary>Checks the answer and returns the full file length when the server told it.</summary>
    private long? Accept(HttpResponseMessage response, Uri url, string part, ref long offset)
    {
        var status = (int)response.StatusCode;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent when response.Content.Headers.ContentRange is { From: { } from } range && from == offset:
                return range.Length;
            case HttpStatusCode.PartialContent:
                Truncate(part, ref offset);
                throw new TransientHttpException($"the server sent another byte range of {url} than asked", status);
            case HttpStatusCode.OK:
                if (offset > 0)
                {
                    log.Warning("The server ignored the Range header for {Url}; downloading it again from the start", url);
                    Truncate(part, ref offset);
                }

                return response.Content.Headers.ContentLength;
            case HttpStatusCode.RequestedRangeNotSatisfiable when response.Content.Headers.ContentRange?.Length == offset:
                return null;
            case HttpStatusCode.RequestedRangeNotSatisfiable:
                Truncate(part, ref offset);
                throw new TransientHttpException($"the server refused the byte range of {url}", status);
            case HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden:
                throw new ProviderException($"{url} is no longer served (HTTP {status}); the provider keeps generated files for a limited time", ProviderErrorKind.Expired, status);
            case HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout:
            case >= HttpStatusCode.InternalServerError:
                var wait = RetryAfterHeader.Parse(response.Headers.RetryAfter?.ToString(), time);
                throw new TransientHttpException($"the download of {url} answered HTTP {status}", status, wait);
            default:
                throw new ProviderException($"the download of {url} answered HTTP {status}", ProviderErrorKind.Other, status);
        }
    }

    private static void Truncate(string part, ref long offset)
    {
        File.WriteAllBytes(part, []);
        offset = 0;
    }

    private static ProviderException TooBig(Uri url, long size, long maxBytes) =>
        new($"{url} is {size} bytes, more than the {maxBytes} bytes allowed", ProviderErrorKind.BadOutput);
}
