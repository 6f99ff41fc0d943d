using System.Text.Json.Nodes;

using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Fal;

/// <summary>One status answer: <c>IN_QUEUE</c> (with a position), <c>IN_PROGRESS</c>, or <c>COMPLETED</c> (maybe with an error).</summary>
internal sealed record FalStatus(string Status, int? QueuePosition, IReadOnlyList<FalLogLine> Logs, string? Error, string? ErrorType)
{
    public bool IsCompleted => Status == "COMPLETED";

    /// <summary>
    /// A status no official client knows (<c>FAILED</c>, <c>CANCELED</c>... listed by third-party schemas, seen through
    /// relays, providers.md §1.4; field-log #7): fal never sends FAILED, a failed job ends COMPLETED and its error comes
    /// from the result GET. Tolerated as "still running": polling goes on and the job completes later.
    /// </summary>
    public bool IsUndocumented => Status is not ("IN_QUEUE" or "IN_PROGRESS" or "COMPLETED");

    public static FalStatus Parse(JsonNode? json)
    {
        var obj = json as JsonObject ?? throw new FormatException("the status answer is not a JSON object");
        var status = JsonText.Of(obj["status"]) ?? throw new FormatException("the status answer has no status");
        int? position = obj["queue_position"] is JsonValue v && v.TryGetValue<int>(out var p) ? p : null;
        var logs = obj["logs"] is JsonArray items
            ? items.OfType<JsonObject>().Select(l => new FalLogLine(JsonText.Of(l["timestamp"]), JsonText.Of(l["message"]) ?? string.Empty)).ToList()
            : [];
        return new FalStatus(status.ToUpperInvariant(), position, logs, JsonText.Of(obj["error"]), JsonText.Of(obj["error_type"]));
    }
}
