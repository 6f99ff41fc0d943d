using System.Text.Json.Nodes;

namespace StarSend.Infrastructure.Http;

/// <summary>Lenient reads of provider JSON, which varies between API versions.</summary>
internal static class JsonText
{
    /// <summary>The node's string value when it is a non-blank string, else null.</summary>
    public static string? Of(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;

    public static long? Number(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<long>(out var n) || (value.TryGetValue<string>(out var s) && long.TryParse(s, out n))) ? n : null;
}
