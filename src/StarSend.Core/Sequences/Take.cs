using System.Text.Json.Serialization;

namespace StarSend.Core.Sequences;

[JsonConverter(typeof(JsonStringEnumConverter<TakeMode>))]
public enum TakeMode
{
    [JsonStringEnumMemberName("multi_shot")]
    MultiShot,

    [JsonStringEnumMemberName("individual")]
    Individual,
}

/// <summary>One generated video take of a sequence (DESIGN.md, Takes).</summary>
public sealed record Take
{
    public required int Number { get; init; }

    /// <summary>The invocation that started the take.</summary>
    public required string RunId { get; init; }

    /// <summary>The pass the take belongs to (its files' prefix); null for takes from schema 1.</summary>
    public string? PassRunId { get; init; }

    public required TakeMode Mode { get; init; }

    /// <summary>Each shot's prompt with where it came from (<c>plan</c>, <c>take N</c>, <c>edit</c>, plus <c>+animate</c>); empty on takes from before issue #10 (their prompts were the plan's).</summary>
    public List<TakePrompt> Prompts { get; init => field = value ?? field; } = [];

    /// <summary>The analysis's motion elements animated in this take (<c>generate --animate</c>).</summary>
    public List<string> AnimatedElements { get; init => field = value ?? field; } = [];

    /// <summary>The negative prompt built for the take (standard artefacts plus every potential element not animated); null without <c>--animate</c>.</summary>
    public string? NegativePrompt { get; init; }

    /// <summary>Whether <see cref="NegativePrompt"/> was sent (<c>negative_prompt</c>); false when the model takes none (it was left out, with a warning).</summary>
    public bool? NegativePromptSent { get; init; }

    /// <summary>The feedback this take's prompts were rewritten from (<c>generate --feedback</c>) and the text call's cost; null otherwise.</summary>
    public TakeFeedback? Feedback { get; init; }

    /// <summary>The prompt sent for each shot, in shot order, so prompts can be cherry-picked across takes.</summary>
    public required List<string> ShotPrompts { get; init; }

    /// <summary>Durations as sent to Kling: whole seconds as strings ("3".."15").</summary>
    public required List<string> Durations { get; init; }

    public List<string> ElementsUsed { get; init => field = value ?? field; } = [];

    public List<string> ElementsDropped { get; init => field = value ?? field; } = [];

    /// <summary>Project-relative path of the start frame used.</summary>
    public string? StartFrame { get; init; }

    /// <summary>ExecutionStore ids behind this take: <c>SEQ08</c> for multi-shot, <c>SEQ08_shot03</c> per shot.</summary>
    public List<string> ExecutionIds { get; init => field = value ?? field; } = [];

    public List<string> RequestIds { get; init => field = value ?? field; } = [];

    /// <summary>The video model, as its executions hold it: a bare fal endpoint id, or <c>provider:model</c> (e.g. <c>leonardo:kling-3.0</c>).</summary>
    public string? Model { get; init; }

    /// <summary>
    /// Models of the fallback chain passed over before <see cref="Model"/> (a plan's <c>video_model</c>, then
    /// <c>video_models</c>), with why: gone, not accepted after the retries, or unfit for this take; null (omitted) when none was.
    /// </summary>
    public List<Providers.ModelSkip>? SkippedModels { get; init; }

    /// <summary>The provider that made the take (<c>fal</c>, <c>leonardo</c>); null on takes recorded before issue #11.</summary>
    public string? Provider { get; init; }

    /// <summary>StarSend's cost from the published (or stand-in) prices, US dollars.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>What the provider itself reported each call costs (Leonardo's create answer), beside <see cref="CostUsd"/>.</summary>
    public List<Providers.VideoModels.ReportedCost> ReportedCosts { get; init => field = value ?? field; } = [];

    public DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Project-relative paths of the video files, in shot order for individual takes.</summary>
    public List<TakeFile> Files { get; init => field = value ?? field; } = [];

    /// <summary>The review status (pending until someone decides); see <see cref="SequenceReview.StatusOf"/> for the effective one.</summary>
    public TakeReviewStatus ReviewStatus { get; init; } = TakeReviewStatus.Pending;

    /// <summary>Why a retake was asked for, while <see cref="ReviewStatus"/> is retake.</summary>
    public string? RetakeReason { get; init; }
}

/// <summary>A verified output file.</summary>
public sealed record TakeFile(string Path, long Bytes, double DurationS, string Sha256);
