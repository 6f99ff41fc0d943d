using System.Text.Json;

namespace StarSend.Core.Json;

/// <summary>The common start of checking a structured model's answer against its schema: JSON, and an object at the root.</summary>
public static class StructuredJson
{
    /// <summary>
    /// Null when <paramref name="json"/> is a JSON object that <paramref name="checkObject"/> accepts; else one line:
    /// "not JSON (…)", "$: expected an object", or what <paramref name="checkObject"/> says (a JSON path and why).
    /// </summary>
    public static string? CheckObject(string json, Func<JsonElement, string?> checkObject)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            return $"not JSON ({ex.Message.Split('.')[0]})";
        }

        using (doc)
        {
            return doc.RootElement.ValueKind == JsonValueKind.Object ? checkObject(doc.RootElement) : "$: expected an object";
        }
    }
}
