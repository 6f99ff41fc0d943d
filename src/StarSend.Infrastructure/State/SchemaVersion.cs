using System.Text.Json;

namespace StarSend.Infrastructure.State;

/// <summary>Finds the top-level <c>schema_version</c> of a state document without binding the rest of it.</summary>
internal static class SchemaVersion
{
    private static readonly JsonReaderOptions _readerOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>The version, or null when the document has none.</summary>
    /// <exception cref="JsonException">The text is not JSON, or <c>schema_version</c> is not a whole number.</exception>
    public static int? Read(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, _readerOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("the document is not a JSON object", path: null, lineNumber: 0, bytePositionInLine: 0);
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("schema_version"u8);
            reader.Read();
            if (isVersion)
            {
                return reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version)
                    ? version
                    : throw new JsonException("schema_version is not a whole number");
            }

            reader.Skip();
        }

        return null;
    }
}
