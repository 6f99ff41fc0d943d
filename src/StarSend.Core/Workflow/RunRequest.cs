namespace StarSend.Core.Workflow;

/// <summary>The step <c>run --until</c> stops after.</summary>
public enum RunStep
{
    Grid,
    Pick,

    /// <summary>Start-frame analysis (<c>starsend analyze</c>): done only by <c>--until analyze</c>, which stops after it; a plain <c>run</c> does not pay for it.</summary>
    Analyze,
    Generate,
}

/// <summary>What <c>starsend run</c> asks of each sequence (issue #15).</summary>
public sealed record RunRequest
{
    /// <summary>The cell <c>run</c> picks when a sequence has none: <c>1</c>–<c>4</c>, <c>r0c0</c>…, or <c>auto</c> (<see cref="CellRanking"/>).</summary>
    public string Pick { get; init; } = "1";

    /// <summary>
    /// True when the producer gave <c>--pick</c>: only then does <c>run</c> replace a start frame kept from before on a
    /// sequence sent back to grid_review (<c>reset</c>); without it such a sequence waits for a pick by hand.
    /// </summary>
    public bool PickGiven { get; init; }

    public RunStep Until { get; init; } = RunStep.Generate;

    /// <summary>How to generate takes; its <see cref="GenerateRequest.Again"/> pays for another take of a sequence in review.</summary>
    public GenerateRequest Generate { get; init; } = new();

    public bool DryRun => Generate.DryRun;

    /// <summary>The vision model of the analysis step; needed when <see cref="Until"/> is <see cref="RunStep.Analyze"/> and the run is not dry.</summary>
    public Providers.IStructuredModel? Analyzer { get; init; }
}

/// <summary>
/// How one sequence's <c>run</c> ended: the steps it did (or, dry, would do) with their cost, the state reached, and the
/// command that continues it. <see cref="ExitCode"/> is that of the step that failed, or 0.
/// </summary>
public sealed record SequenceRunOutcome(
    string SequenceId, int ExitCode, Sequences.SequenceState State, IReadOnlyList<string> Steps, decimal CostUsd, string Message, string? Next)
{
    /// <summary>As a batch outcome, for the shared exit-code rule.</summary>
    public SequenceOutcome AsOutcome() => new(SequenceId, ExitCode, State, Message, CostUsd);
}
