using System.Text.Json.Nodes;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Leonardo;

/// <summary>
/// A generation as <c>GET /v1/generations/{id}</c> shows it: <c>generations_by_pk {id, status, generated_images[]}</c>,
/// status <c>PENDING</c>, <c>COMPLETE</c> or <c>FAILED</c> ([P] SDK JobStatus); the video at
/// <c>generated_images[0].motionMP4URL</c> (capital MP4 on the wire, [P] SDK remap). Whether a FAILED one carries a
/// reason is [U]: any <c>failedReason</c>/<c>error</c> text is shown when present.
/// </summary>
internal sealed record LeonardoGeneration(string Status, string? VideoUrl, string? FailureReason)
{
    public bool IsComplete => Status == "COMPLETE";

    public bool IsFailed => Status == "FAILED";

    /// <summary>Reads the answer; throws <see cref="FormatException"/> when it has no generation or status.</summary>
    public static LeonardoGeneration Parse(JsonNode? json)
    {
        var generation = json?["generations_by_pk"] as JsonObject ?? throw new FormatException("the answer has no generations_by_pk");
        var status = JsonText.Of(generation["status"])?.ToUpperInvariant() ?? throw new FormatException("the generation has no status");
        var video = (generation["generated_images"] as JsonArray)?.OfType<JsonObject>()
            .Select(i => JsonText.Of(i["motionMP4URL"]) ?? JsonText.Of(i["motionMp4URL"]))
            .FirstOrDefault(u => u is not null);
        var reason = JsonText.Of(generation["failedReason"]) ?? JsonText.Of(generation["error"]) ?? JsonText.Of(generation["failure_reason"]);
        return new LeonardoGeneration(status, video, reason);
    }
}
