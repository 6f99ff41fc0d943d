using System.Text.Json.Serialization;

namespace StarSend.Core.Sequences;

/// <summary>The eight workflow states of a sequence (DESIGN.md), stored in snake_case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SequenceState>))]
public enum SequenceState
{
    [JsonStringEnumMemberName("not_started")]
    NotStarted,

    [JsonStringEnumMemberName("grid_exploring")]
    GridExploring,

    [JsonStringEnumMemberName("grid_review")]
    GridReview,

    [JsonStringEnumMemberName("start_frame_approved")]
    StartFrameApproved,

    [JsonStringEnumMemberName("generating")]
    Generating,

    [JsonStringEnumMemberName("review")]
    Review,

    [JsonStringEnumMemberName("approved")]
    Approved,

    [JsonStringEnumMemberName("final")]
    Final,
}
