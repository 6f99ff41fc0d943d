namespace StarSend.Testing.Timelines;

/// <summary>One CMX 3600 event as read: times in frames, comments that follow it.</summary>
public sealed record EdlEvent(int Number, string Reel, string Channel, string Transition, long SourceIn, long SourceOut, long RecordIn, long RecordOut, IReadOnlyList<string> Comments)
{
    public string? ClipName => Comments.FirstOrDefault(c => c.StartsWith("FROM CLIP NAME:", StringComparison.Ordinal))?["FROM CLIP NAME:".Length..].Trim();
}
