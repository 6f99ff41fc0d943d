using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Fal;

/// <summary>Reads Kling's <c>{"video":{"url","content_type","file_size"}}</c> output.</summary>
internal static class FalVideoOutput
{
    public static VideoJobResult Read(JsonObject output, string requestId)
    {
        var video = output["video"] as JsonObject;
        var url = video?["url"] is JsonValue u && u.TryGetValue<string>(out var text) ? text : null;
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var videoUrl))
        {
            throw new ProviderException($"fal.ai result for request {requestId} has no video URL", ProviderErrorKind.BadOutput, requestId: requestId);
        }

        return new VideoJobResult
        {
            VideoUrl = videoUrl,
            ContentType = video!["content_type"] is JsonValue c && c.TryGetValue<string>(out var type) ? type : null,
            FileSize = video["file_size"] is JsonValue s && s.TryGetValue<long>(out var size) ? size : null,
            CostUsd = 0,
        };
    }
}
