using System.Text.Json;

namespace StarSend.Export.Timeline;

/// <summary>
/// Reads which sequences the review left out of the edit (<c>"omitted": true</c> in <c>sequences.json</c>) straight
/// from the file, so an older or newer state file without the field reads as "none omitted".
/// </summary>
public static class OmittedSequences
{
    /// <summary>Ids of omitted sequences; empty when the file or the field is absent.</summary>
    public static IReadOnlySet<string> Read(string sequencesFile)
    {
        var omitted = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(sequencesFile))
        {
            return omitted;
        }

        using var doc = JsonDocument.Parse(File.ReadAllBytes(sequencesFile), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        if (doc.RootElement.ValueKind != JsonValueKind.Object
            || !doc.RootElement.TryGetProperty("sequences", out var sequences)
            || sequences.ValueKind != JsonValueKind.Object)
        {
            return omitted;
        }

        foreach (var sequence in sequences.EnumerateObject())
        {
            if (sequence.Value.ValueKind == JsonValueKind.Object
                && sequence.Value.TryGetProperty("omitted", out var flag)
                && flag.ValueKind == JsonValueKind.True)
            {
                omitted.Add(sequence.Name);
            }
        }

        return omitted;
    }
}
