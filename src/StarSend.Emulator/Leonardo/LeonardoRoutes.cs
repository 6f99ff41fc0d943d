using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Routing;

namespace StarSend.Emulator.Leonardo;

/// <summary>Leonardo's paths (under <c>/api/rest</c>, plus the storage and CDN paths), matched before fal's queue paths.</summary>
internal sealed class LeonardoRoutes(LeonardoEndpoints endpoints)
{
    public Route? Match(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        return (method, segments) switch
        {
            ("POST", ["api", "rest", "v1", "init-image"]) =>
                new(FaultTargets.LeonardoUpload, RequestCounter.LeonardoInitImage, null, KeyCheck.Leonardo, (r, _) => endpoints.InitImage(r)),
            ("POST", ["leonardo-s3", _]) =>
                new(FaultTargets.LeonardoUpload, RequestCounter.LeonardoUpload, null, KeyCheck.None, endpoints.PresignedUploadAsync),
            ("POST", ["api", "rest", "v1", "generations-image-to-video"]) =>
                new(FaultTargets.LeonardoCreate, RequestCounter.LeonardoCreate, "leonardo:v1", KeyCheck.Leonardo, endpoints.CreateV1),
            ("POST", ["api", "rest", "v2", "generations"]) =>
                new(FaultTargets.LeonardoCreate, RequestCounter.LeonardoCreate, "leonardo:v2", KeyCheck.Leonardo, endpoints.CreateV2),
            ("GET", ["api", "rest", "v1", "generations", var id]) =>
                new(FaultTargets.LeonardoStatus, RequestCounter.LeonardoStatus, null, KeyCheck.Leonardo, (r, f) => endpoints.Status(r, id, f)),
            ("DELETE", ["api", "rest", "v1", "generations", var id]) =>
                new(null, RequestCounter.LeonardoDelete, null, KeyCheck.Leonardo, (_, _) => endpoints.Delete(id)),
            ("GET" or "HEAD", ["leonardo-cdn", var fileId, _]) =>
                new(FaultTargets.LeonardoDownload, RequestCounter.LeonardoDownload, null, KeyCheck.None, (_, f) => endpoints.Download(fileId, f)),
            _ => null,
        };
    }

    /// <summary>The <c>model</c> a create's JSON body names (v2 <c>kling-3.0</c>; v1 <c>MOTION2</c> by default), or null when it names none.</summary>
    public static string? ModelOf(byte[] body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject json
                ? (json["model"] is System.Text.Json.Nodes.JsonValue value && value.TryGetValue<string>(out var model) ? model : "MOTION2")
                : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
