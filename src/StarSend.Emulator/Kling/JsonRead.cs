using System.Text.Json;
using System.Text.Json.Nodes;

namespace StarSend.Emulator.Kling;

/// <summary>Small typed reads of request JSON that never throw.</summary>
internal static class JsonRead
{
    public static bool IsPresent(JsonObject body, string name) => body.TryGetPropertyValue(name, out var value) && value is not null;

    public static string? String(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : null;

    public static string? String(JsonObject body, string name) => String(body[name]);

    public static bool IsString(JsonNode? node) => node?.GetValueKind() == JsonValueKind.String;
}
