using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StarSend.Emulator.Http;

/// <summary>An answer built in full before it is written, so faults can cut, delay or drop it.</summary>
internal sealed record Reply(int Status, byte[] Body, string ContentType)
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>Writes the body itself (server-sent events); set instead of <see cref="Body"/>.</summary>
    public Func<HttpResponse, CancellationToken, Task>? Streamer { get; init; }

    public static Reply Json(int status, JsonNode node) =>
        new(status, Encoding.UTF8.GetBytes(node.ToJsonString(Compact)), "application/json");

    public static Reply Text(int status, string text, string contentType) => new(status, Encoding.UTF8.GetBytes(text), contentType);

    public Reply WithHeader(string name, string value) =>
        this with { Headers = new Dictionary<string, string>(Headers) { [name] = value } };
}
