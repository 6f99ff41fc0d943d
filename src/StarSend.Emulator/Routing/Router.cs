using System.Globalization;
using System.Text.RegularExpressions;
using StarSend.Emulator.Control;
using StarSend.Emulator.Faults;
using StarSend.Emulator.Gemini;
using StarSend.Emulator.Http;
using StarSend.Emulator.Leonardo;
using StarSend.Emulator.Queue;
using StarSend.Emulator.Storage;

namespace StarSend.Emulator.Routing;

/// <summary>Maps method and path to a route: fal queue (any model id), fal storage, served files, Gemini.</summary>
internal sealed partial class Router(QueueEndpoints queue, StatusStream stream, StorageEndpoints storage, GeminiEndpoint gemini, RequestListing listing, LeonardoRoutes leonardo)
{
    private static readonly string[] Reserved = ["_emulator", "storage", "files", "v1beta", "v1", "api", "leonardo-s3", "leonardo-cdn"];

    public Route Match(string method, string path)
    {
        if (leonardo.Match(method, path) is { } leonardoRoute)
        {
            return leonardoRoute;
        }

        // Before the queue's pattern, which "/v1/models/requests/by-endpoint" would also fit (app v1/models, id by-endpoint).
        if (method == "GET" && path.TrimEnd('/') == "/v1/models/requests/by-endpoint")
        {
            return new(FaultTargets.Requests, RequestCounter.Requests, null, KeyCheck.Fal, listing.List);
        }

        if (QueuePath().Match(path) is { Success: true } q)
        {
            var app = q.Groups["app"].Value;
            var id = q.Groups["id"].Value;
            return (method, q.Groups["tail"].Value) switch
            {
                ("GET", "") => new(FaultTargets.Result, RequestCounter.Result, null, KeyCheck.Fal, (r, f) => queue.Result(r, app, id, f)),
                ("GET", "/status") => new(FaultTargets.Status, RequestCounter.Status, null, KeyCheck.Fal, (r, f) => queue.Status(r, app, id, f)),
                ("GET", "/status/stream") => new(FaultTargets.Status, RequestCounter.Status, null, KeyCheck.Fal, (r, f) => stream.Open(r, app, id, f)),
                ("PUT", "/cancel") => new(FaultTargets.Cancel, RequestCounter.Cancel, null, KeyCheck.Fal, (_, f) => queue.Cancel(app, id, f)),
                _ => NotFound(),
            };
        }

        var segments = path.Trim('/').Split('/');
        return (method, segments) switch
        {
            ("POST", ["storage", "upload", "initiate"]) => Upload(RequestCounter.UploadInitiate, KeyCheck.Fal, (r, _) => storage.Initiate(r, multipart: false)),
            ("POST", ["storage", "upload", "initiate-multipart"]) => Upload(RequestCounter.UploadInitiate, KeyCheck.Fal, (r, _) => storage.Initiate(r, multipart: true)),
            ("PUT", ["storage", "upload", "put", var id]) => Upload(RequestCounter.UploadPut, KeyCheck.None, (r, _) => storage.Put(r, id)),
            ("PUT", ["storage", "upload", "multipart", var id, var part]) when int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var n) =>
                Upload(RequestCounter.UploadPut, KeyCheck.None, (r, _) => storage.PutPart(r, id, n)),
            ("POST", ["storage", "upload", "multipart", var id, "complete"]) => Upload(RequestCounter.UploadPut, KeyCheck.None, (r, _) => storage.CompleteMultipart(r, id)),
            ("GET" or "HEAD", ["files", var id, _]) => new(FaultTargets.Download, RequestCounter.Download, null, KeyCheck.None, (r, f) => storage.Download(r, id, f)),
            ("POST", ["v1beta", "models", var action]) when action.EndsWith(":generateContent", StringComparison.Ordinal) =>
                Gemini(action[..^":generateContent".Length]),
            ("POST", [var first, _, ..]) when !Reserved.Contains(first) && !segments.Contains("requests") && QueueUrls.AppPath(path) is { } app =>
                Submit(path.Trim('/'), app),
            _ => NotFound(),
        };
    }

    private static Route NotFound() => new(null, RequestCounter.Other, null, KeyCheck.None, (_, _) => FalErrors.NotFound());

    private static Route Upload(string statsKey, KeyCheck key, Func<EmulatorRequest, FaultRule?, Reply> handle) =>
        new(FaultTargets.Upload, statsKey, null, key, handle);

    private Route Gemini(string model) =>
        new(FaultTargets.Gemini, RequestCounter.Gemini, model, KeyCheck.Google, (r, f) => gemini.Generate(r, model, f));

    private Route Submit(string modelId, string app) =>
        new(FaultTargets.Submit, RequestCounter.Submit, modelId, KeyCheck.Fal, (r, f) => queue.Submit(r, modelId, app, f));

    [GeneratedRegex(@"^/(?<app>(?:(?:workflows|comfy)/)?[^/]+/[^/]+)/requests/(?<id>[^/]+)(?<tail>/status|/status/stream|/cancel)?$", RegexOptions.CultureInvariant)]
    private static partial Regex QueuePath();
}
