using System.Globalization;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Queue;

/// <summary>The queue's status objects: IN_QUEUE (queue_position), IN_PROGRESS (logs), COMPLETED (logs, metrics, or error).</summary>
internal static class StatusBody
{
    public static JsonObject Build(QueueJob job, JobSnapshot snapshot, string baseUrl, bool includeLogs, DateTimeOffset now)
    {
        var body = new JsonObject
        {
            ["status"] = snapshot.Phase switch
            {
                JobPhase.InQueue => "IN_QUEUE",
                JobPhase.InProgress => "IN_PROGRESS",
                _ => "COMPLETED",
            },
            ["request_id"] = job.RequestId,
            ["response_url"] = QueueUrls.Response(baseUrl, job.AppPath, job.RequestId),
            ["status_url"] = QueueUrls.Status(baseUrl, job.AppPath, job.RequestId),
            ["cancel_url"] = QueueUrls.Cancel(baseUrl, job.AppPath, job.RequestId),
        };
        if (snapshot.Phase == JobPhase.InQueue)
        {
            body["queue_position"] = snapshot.QueuePosition;
            return body;
        }

        body["logs"] = includeLogs ? Logs(job, now) : null;
        if (snapshot.Phase != JobPhase.Completed)
        {
            return body;
        }

        body["metrics"] = new JsonObject { ["inference_time"] = snapshot.Outcome == JobOutcome.TimedOut ? null : Math.Round((snapshot.CompletedAt!.Value - job.StartsAt).TotalSeconds, 3) };
        if (Error(job, snapshot.Outcome) is { } error)
        {
            body["error"] = error.Message;
            body["error_type"] = error.Type;
        }

        return body;
    }

    /// <summary>What a failed job reports in its status (and, in its own shape, at its response URL).</summary>
    public static (string Message, string Type)? Error(QueueJob job, JobOutcome outcome) => outcome switch
    {
        JobOutcome.Cancelled => ("Request was cancelled", "client_cancelled"),
        JobOutcome.TimedOut => ("Request timed out", "request_timeout"),
        JobOutcome.Failed when job.ErrorStatus == 500 => ("Internal server error", "runner_server_error"),
        JobOutcome.Failed => ("No video was generated for this input", "no_media_generated"),
        _ => null,
    };

    public static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static JsonArray Logs(QueueJob job, DateTimeOffset now) =>
        new([.. job.Logs(now).Select(l => (JsonNode)new JsonObject
        {
            ["message"] = l.Message,
            ["level"] = "INFO",
            ["source"] = "USER",
            ["timestamp"] = Timestamp(l.At),
        })]);
}
