using StarSend.Core.Sequences;

namespace StarSend.Export.Timeline;

/// <summary>Which sequences the review left out of the edit (<c>"omitted": true</c> in <c>sequences.json</c>).</summary>
public static class OmittedSequences
{
    /// <summary>Ids of the omitted sequences of <paramref name="sequences"/>; empty when none is (a file without the field reads as none).</summary>
    public static IReadOnlySet<string> Of(SequencesDocument sequences) =>
        sequences.Sequences.Where(p => p.Value.Omitted).Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
}
