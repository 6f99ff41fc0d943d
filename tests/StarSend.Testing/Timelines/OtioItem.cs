using System.Text.Json;

namespace StarSend.Testing.Timelines;

/// <summary>A clip or gap of an OTIO track as read: its place on the track in frames, its source start, its media URL and metadata.</summary>
public sealed record OtioItem(string Schema, string Name, long Start, long Duration, long SourceStart, string? TargetUrl, JsonElement Metadata, IReadOnlyList<string> MarkerComments);
