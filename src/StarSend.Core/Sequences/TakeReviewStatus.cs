using System.Text.Json.Serialization;

namespace StarSend.Core.Sequences;

/// <summary>A take's review status, beside the sequence's workflow state (DESIGN.md, Workflow states); stored in snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TakeReviewStatus>))]
public enum TakeReviewStatus
{
    /// <summary>Not looked at yet, or looked at without a decision.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The sequence's approved take.</summary>
    [JsonStringEnumMemberName("approved")]
    Approved,

    /// <summary>Rejected with a reason: another take is wanted.</summary>
    [JsonStringEnumMemberName("retake")]
    Retake,

    /// <summary>Parked: neither approved nor rejected (waiting on the client, say).</summary>
    [JsonStringEnumMemberName("on_hold")]
    OnHold,
}
