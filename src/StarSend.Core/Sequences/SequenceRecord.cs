namespace StarSend.Core.Sequences;

/// <summary>Everything <c>sequences.json</c> keeps about one sequence.</summary>
public sealed record SequenceRecord
{
    public required string Id { get; init; }

    public SequenceState State { get; init; } = SequenceState.NotStarted;

    /// <summary>
    /// The run id of the sequence's current pass (issue #14): made by the pass's first paid stage (a grid, or a generate
    /// with no pass yet) and the prefix of every file the pass writes (grid, start frames, takes). A new grid starts a
    /// new pass. Null for sequences from schema 1 until their next grid or generate.
    /// </summary>
    public string? PassRunId { get; init; }

    public List<GridAttempt> Grids { get; init => field = value ?? field; } = [];

    public StartFrame? StartFrame { get; init; }

    public List<Take> Takes { get; init => field = value ?? field; } = [];

    public int? ApprovedTake { get; init; }

    /// <summary>Start frames picked for single shots (by shot id) that have <c>own_start_frame</c>.</summary>
    public Dictionary<string, StartFrame> ShotStartFrames { get; init => field = value ?? field; } = new(StringComparer.Ordinal);

    /// <summary>Where a running grid or generate returns to if it fails.</summary>
    public SequenceState? ReturnState { get; init; }

    /// <summary>The take being generated while the state is generating (kept so a crashed run resumes the same take).</summary>
    public PendingTake? Pending { get; init; }

    /// <summary>The last failure, kept until the next successful step.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Cut from the edit: left out of coverage, batches (<c>--all</c>, <c>--section</c>) and the cost to finish, until restored.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingDefault)]
    public bool Omitted { get; init; }

    /// <summary>Every paid analysis of a start frame (<c>starsend analyze</c>), oldest first; each names the start frame it describes.</summary>
    public List<Analysis.StartFrameAnalysis> Analyses { get; init => field = value ?? field; } = [];

    /// <summary>Every paid feedback rewrite of a take's prompts (<c>generate --feedback</c>), oldest first.</summary>
    public List<PromptRewrite> Rewrites { get; init => field = value ?? field; } = [];

    /// <summary>Every review decision on the sequence and its takes, oldest first.</summary>
    public List<ReviewEvent> History { get; init => field = value ?? field; } = [];

    /// <summary>Total cost in US dollars of every paid call of this sequence (grids, takes, analyses and feedback rewrites).</summary>
    public decimal CostUsd => Grids.Sum(g => g.CostUsd) + Takes.Sum(t => t.CostUsd) + Analyses.Sum(a => a.CostUsd) + Rewrites.Sum(r => r.CostUsd);
}

/// <summary>One paid attempt at a 2x2 grid, kept even when a later grid replaces it.</summary>
public sealed record GridAttempt
{
    public required int Number { get; init; }

    /// <summary>The invocation that drew the grid.</summary>
    public required string RunId { get; init; }

    /// <summary>The pass the grid started (its files' prefix); null for grids from schema 1.</summary>
    public string? PassRunId { get; init; }

    /// <summary>Project-relative path of the grid PNG (absent when the attempt failed).</summary>
    public string? File { get; init; }

    /// <summary>"model" when the model drew a grid; "composite" when four singles were composited.</summary>
    public string Kind { get; init => field = value ?? field; } = "model";

    public List<string> ExecutionIds { get; init => field = value ?? field; } = [];

    public string? Prompt { get; init; }

    /// <summary>The image model that drew it (of <c>image_models</c>, the one that answered).</summary>
    public string? Model { get; init; }

    /// <summary>Models of <c>image_models</c> passed over before <see cref="Model"/>, with why (gone, failed after the retries); null (omitted) when none was.</summary>
    public List<Providers.ModelSkip>? SkippedModels { get; init; }

    public decimal CostUsd { get; init; }

    /// <summary>How many image calls the attempt took (retries with a stronger prompt, singles).</summary>
    public int Calls { get; init; }

    /// <summary>The grid's size in pixels, as it came back (absent on records written before it was kept).</summary>
    public int? Width { get; init; }

    public int? Height { get; init; }

    /// <summary>Set when the grid's shape is far from the aspect ratio asked, e.g. "1024x1024 is 1.00:1, not the 16:9 asked".</summary>
    public string? AspectNote { get; init; }

    /// <summary>What each image call that was not kept drew instead of a 2x2 grid ("call 1: a 3x3 layout"; "call 2: one picture"); null when every call drew one.</summary>
    public List<string>? RejectedCalls { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The cell picked from a grid. Cells are row/column from the top-left, zero-based: r0c0 r0c1 / r1c0 r1c1.</summary>
public sealed record StartFrame
{
    public required int Grid { get; init; }

    public required int Row { get; init; }

    public required int Col { get; init; }

    public required string File { get; init; }

    public int Width { get; init; }

    public int Height { get; init; }

    /// <summary>Set when the cell's shape is far from the sequence's aspect ratio (pick warns; the take may be cropped).</summary>
    public string? AspectNote { get; init; }

    /// <summary>The pass the picked grid belongs to (the start frame's prefix); null for picks from schema 1.</summary>
    public string? PassRunId { get; init; }

    /// <summary>The invocation that picked it.</summary>
    public string? RunId { get; init; }

    /// <summary>True when <c>starsend run</c> picked it, not a producer (issue #15); null for a pick by hand. Re-picking by hand is free.</summary>
    public bool? Auto { get; init; }

    /// <summary>Why <c>run</c> picked this cell: the default cell, or the <c>--pick auto</c> ranking with every cell's measures.</summary>
    public string? AutoReason { get; init; }
}

/// <summary>A take whose generation started but has not been recorded yet.</summary>
public sealed record PendingTake(int Number, TakeMode Mode, string RunId, DateTimeOffset StartedAt)
{
    /// <summary>The prompts the take was started with, so a resumed take sends (and records) the same ones whatever the re-run's options; null for the plan's.</summary>
    public List<TakePrompt>? Prompts { get; init; }

    /// <summary>The motion elements animated (<c>--animate</c>) and the negative prompt built for the take; null without <c>--animate</c>.</summary>
    public List<string>? AnimatedElements { get; init; }

    public string? NegativePrompt { get; init; }

    /// <summary>The feedback rewrite the take's prompts come from (<c>generate --feedback</c>); null otherwise.</summary>
    public TakeFeedback? Feedback { get; init; }
}
