using System.Text.Json.Serialization;

namespace StarSend.Core.Sequences;

/// <summary>What a review decision did; stored in snake_case in a sequence's history.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReviewAction>))]
public enum ReviewAction
{
    /// <summary>A take was approved (<c>approve --take N</c>, or an approve in a decisions file).</summary>
    [JsonStringEnumMemberName("approve")]
    Approve,

    /// <summary>The approved take was marked final.</summary>
    [JsonStringEnumMemberName("final")]
    Final,

    /// <summary>An approval (or, with <c>--force</c>, a final) was taken back.</summary>
    [JsonStringEnumMemberName("undo_approve")]
    UndoApprove,

    /// <summary>A take was sent back with a reason.</summary>
    [JsonStringEnumMemberName("retake")]
    Retake,

    /// <summary>A take was put on hold.</summary>
    [JsonStringEnumMemberName("hold")]
    Hold,

    /// <summary>A note on a take; changes no status.</summary>
    [JsonStringEnumMemberName("note")]
    Note,

    /// <summary>The sequence was cut from the edit.</summary>
    [JsonStringEnumMemberName("omit")]
    Omit,

    /// <summary>An omitted sequence was put back.</summary>
    [JsonStringEnumMemberName("restore")]
    Restore,

    /// <summary>The sequence jumped back (<c>reset SEQ --to grid_review | start_frame_approved</c>); the text says from and to.</summary>
    [JsonStringEnumMemberName("reset")]
    Reset,
}
