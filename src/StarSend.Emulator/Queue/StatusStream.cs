using System.Text;
using Microsoft.AspNetCore.Http;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Queue;

/// <summary><c>GET …/requests/{id}/status/stream</c>: server-sent events, one status object per change, ending at COMPLETED.</summary>
internal sealed class StatusStream(EmulatorOptions options, QueueEndpoints queue)
{
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    public Reply Open(EmulatorRequest request, string appPath, string requestId, FaultRule? fault)
    {
        var first = queue.Status(request, appPath, requestId, fault);
        if (first.Status >= 300)
        {
            return first;
        }

        var includeLogs = request.Query("logs") is "1" or "true";
        return new Reply(200, [], "text/event-stream")
        {
            Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-cache", [QueueEndpoints.RequestIdHeader] = requestId },
            Streamer = (response, ct) => StreamAsync(response, request.BaseUrl, appPath, requestId, includeLogs, ct),
        };
    }

    private async Task StreamAsync(HttpResponse response, string baseUrl, string appPath, string requestId, bool includeLogs, CancellationToken cancellationToken)
    {
        string? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = options.Time.GetUtcNow();
            if (queue.Live(appPath, requestId, null, now) is not { } job)
            {
                return;
            }

            var snapshot = job.At(now);
            var json = StatusBody.Build(job, snapshot, baseUrl, includeLogs, now).ToJsonString();
            if (json != last)
            {
                await response.Body.WriteAsync(Encoding.UTF8.GetBytes($"data: {json}\n\n"), cancellationToken);
                await response.Body.FlushAsync(cancellationToken);
                last = json;
            }

            if (snapshot.Phase == JobPhase.Completed)
            {
                return;
            }

            var wait = job.NextChange(now) is { } next && next - now < LongestWait ? next - now : LongestWait;
            await Task.Delay(wait, options.Time, cancellationToken);
        }
    }
}
