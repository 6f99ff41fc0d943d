namespace StarSend.Core.Errors;

/// <summary>One problem found in a client plan, located by its JSON path (e.g. <c>$.sequences[3].shots[0].duration</c>).</summary>
public sealed record PlanProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

/// <summary>The plan failed validation; every problem is listed, one per line. Exit code 2.</summary>
public sealed class PlanInvalidException(string file, IReadOnlyList<PlanProblem> problems)
    : StarSendException($"{file}: {problems.Count} problem(s) in the plan")
{
    public string File { get; } = file;

    public IReadOnlyList<PlanProblem> Problems { get; } = problems;

    public override int ExitCode => ExitCodes.BadInput;
}
