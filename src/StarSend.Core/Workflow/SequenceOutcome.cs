using StarSend.Core.Errors;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

/// <summary>How one sequence of a batch command ended; the batch's exit code is the worst of these.</summary>
public sealed record SequenceOutcome(string SequenceId, int ExitCode, SequenceState State, string Message, decimal CostUsd)
{
    public bool Succeeded => ExitCode == ExitCodes.Ok;
}
