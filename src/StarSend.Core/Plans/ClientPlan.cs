using System.Text.Json;
using System.Text.Json.Serialization;

namespace StarSend.Core.Plans;

/// <summary>The producer's client plan, read natively from <c>client_plan.json</c> and never rewritten.</summary>
public sealed record ClientPlan
{
    public required string Project { get; init; }

    public required Song Song { get; init; }

    public string? Style { get; init; }

    /// <summary>"16:9", "9:16" or "1:1".</summary>
    public string AspectRatio { get; init => field = value ?? field; } = "16:9";

    public IReadOnlyList<PlanElement> Elements { get; init => field = value ?? field; } = [];

    public IReadOnlyList<PlanSequence> Sequences { get; init => field = value ?? field; } = [];

    /// <summary>Fields the plan carries that StarSend does not use; kept, never dropped.</summary>
    /// <remarks>Settable, not init-only: generated JSON metadata cannot fill an init-only extension bag (see <see cref="Json.StarSendJsonContext"/>).</remarks>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    public PlanSequence? FindSequence(string id) => Sequences.FirstOrDefault(s => s.Id == id);

    public PlanElement? FindElement(string id) => Elements.FirstOrDefault(e => e.Id == id);
}

public sealed record Song
{
    public required string Title { get; init; }

    /// <summary>Length of the song in seconds.</summary>
    public required double DurationS { get; init; }

    public double? Bpm { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

/// <summary>A reference element (singer, car...). <see cref="Image"/> is relative to the project folder.</summary>
public sealed record PlanElement
{
    public required string Id { get; init; }

    public string? Name { get; init; }

    public required string Image { get; init; }

    /// <summary>Optional extra reference images (other angles), relative to the project folder; 1–3 are sent to Kling.</summary>
    public IReadOnlyList<string> ReferenceImages { get; init => field = value ?? field; } = [];

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}

public sealed record PlanSequence
{
    public required string Id { get; init; }

    public required string Section { get; init; }

    /// <summary>Start of the sequence in the song, seconds.</summary>
    public required double StartS { get; init; }

    /// <summary>End of the sequence in the song, seconds.</summary>
    public required double EndS { get; init; }

    public string? Description { get; init; }

    public string? GridPrompt { get; init; }

    /// <summary>Element ids in priority order: the first ones win when Kling's cap applies.</summary>
    public IReadOnlyList<string> Elements { get; init => field = value ?? field; } = [];

    public IReadOnlyList<PlanShot> Shots { get; init => field = value ?? field; } = [];

    /// <summary>
    /// Optional video model for this sequence, <c>provider:model</c> (e.g. <c>leonardo:kling-3.0</c>); null means the
    /// project's <c>video_model</c>. <c>generate --model</c> overrides both for one run.
    /// </summary>
    public string? VideoModel { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }

    [JsonIgnore]
    public int TotalDurationS => Shots.Sum(s => s.Duration);

    /// <summary>True when the shots can go in one multi-shot call (1–6 shots, at most 15 s, none with its own start frame).</summary>
    [JsonIgnore]
    public bool FitsOneMultiShotCall =>
        Shots.Count is >= 1 and <= PlanLimits.MaxShotsPerMultiShot
        && TotalDurationS <= PlanLimits.MaxMultiShotSeconds
        && Shots.All(s => !s.OwnStartFrame);
}

public sealed record PlanShot
{
    public required string Id { get; init; }

    public required string Prompt { get; init; }

    /// <summary>Seconds, whole; Kling takes 3–15 and receives it as a string.</summary>
    public required int Duration { get; init; }

    /// <summary>The shot needs its own start frame, so the sequence is generated one call per shot.</summary>
    public bool OwnStartFrame { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
