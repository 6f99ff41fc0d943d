using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace StarSend.Emulator.Http;

/// <summary>One request with its body read, and the base URL this server answers on.</summary>
internal sealed record EmulatorRequest(HttpContext Context, byte[] Body, string BaseUrl)
{
    public string Method => Context.Request.Method;

    public string Path => Context.Request.Path.Value ?? "/";

    public string? Query(string name) => Context.Request.Query.TryGetValue(name, out var values) ? values.ToString() : null;

    public string? Header(string name) => Context.Request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>The body as a JSON object, or null when it is empty, not JSON, or not an object.</summary>
    public JsonObject? JsonBody()
    {
        if (Body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
