using Microsoft.AspNetCore.Http;
using StarSend.Emulator.Faults;

namespace StarSend.Emulator.Http;

/// <summary>Writes a reply, or breaks it the way a truncate or lost-response fault asks.</summary>
internal static class ReplyWriter
{
    public static async Task WriteAsync(HttpContext context, Reply reply, FaultRule? fault, CancellationToken cancellationToken)
    {
        if (fault?.Kind == FaultKind.LostResponse)
        {
            context.Abort();
            return;
        }

        var response = context.Response;
        response.StatusCode = reply.Status;
        if (reply.Status is StatusCodes.Status204NoContent or StatusCodes.Status304NotModified)
        {
            // No body, so no Content-Type or Content-Length: Kestrel closes a connection whose 204 claims a length,
            // and a client that reuses it sees "response ended prematurely" on its next request.
            foreach (var (name, value) in reply.Headers)
            {
                response.Headers[name] = value;
            }

            return;
        }

        response.ContentType = reply.ContentType;
        foreach (var (name, value) in reply.Headers)
        {
            response.Headers[name] = value;
        }

        if (reply.Streamer is { } streamer)
        {
            await streamer(response, cancellationToken);
            return;
        }

        response.ContentLength = reply.Body.Length;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        if (fault?.Kind == FaultKind.Truncate)
        {
            var sent = (int)(reply.Body.Length * fault.TruncateFraction);
            sent = Math.Min(sent, Math.Max(0, reply.Body.Length - 1));
            await response.Body.WriteAsync(reply.Body.AsMemory(0, sent), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
            context.Abort();
            return;
        }

        await response.Body.WriteAsync(reply.Body, cancellationToken);
    }
}
