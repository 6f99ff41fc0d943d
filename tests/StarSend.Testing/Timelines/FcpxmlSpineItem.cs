namespace StarSend.Testing.Timelines;

/// <summary>A primary-storyline item of an FCPXML sequence as read: times in frames, the media it refers to, its markers and metadata.</summary>
public sealed record FcpxmlSpineItem(string Kind, string Name, long Offset, long Start, long Duration, string? Src, IReadOnlyList<string> Markers, IReadOnlyDictionary<string, string> Metadata, IReadOnlyList<(string Src, string Lane, long Duration)> Connected);
