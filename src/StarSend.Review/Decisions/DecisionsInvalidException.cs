using StarSend.Core.Errors;

namespace StarSend.Review.Decisions;

/// <summary>A decisions file that cannot be applied as a whole: every problem with its JSON path. Exit code 2; nothing is applied.</summary>
public sealed class DecisionsInvalidException(string file, IReadOnlyList<PlanProblem> problems)
    : StarSendException($"{file}: {problems.Count} problem(s); nothing was applied")
{
    public string File { get; } = file;

    public IReadOnlyList<PlanProblem> Problems { get; } = problems;

    public override int ExitCode => ExitCodes.BadInput;
}
