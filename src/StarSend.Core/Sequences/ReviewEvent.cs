namespace StarSend.Core.Sequences;

/// <summary>One review decision kept in a sequence's history in <c>sequences.json</c>; never removed.</summary>
public sealed record ReviewEvent
{
    public required ReviewAction Action { get; init; }

    /// <summary>The take it was about; null for sequence-wide decisions (omit, restore, final, undo of a final).</summary>
    public int? Take { get; init; }

    /// <summary>The retake reason or the note; null for the other actions.</summary>
    public string? Text { get; init; }

    /// <summary>Who decided: the OS user name of the producer who ran the command (or imported the file).</summary>
    public required string Who { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>The run id of the command that recorded it.</summary>
    public required string RunId { get; init; }

    /// <summary>Where it came from when not typed: the file name of an imported decisions file, with the reviewer it names.</summary>
    public string? Source { get; init; }
}
