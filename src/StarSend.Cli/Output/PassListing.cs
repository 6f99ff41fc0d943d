using StarSend.Core.Errors;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Output;

/// <summary><c>status --run RUN_ID</c>: the files and paid calls of one pass, as text or <c>--json</c>.</summary>
internal static class PassListing
{
    /// <summary>Writes the listing; an id that matches nothing is bad input (exit 2), since it is most likely mistyped.</summary>
    public static async Task<int> WriteAsync(RunContext context, PassContents pass)
    {
        if (pass.Files.Count == 0 && pass.Executions.Count == 0 && pass.Sequences.Count == 0)
        {
            throw new BadInputException($"no file, paid call or sequence has run id '{pass.RunId}'; 'starsend status SEQ' shows a sequence's pass");
        }

        var executions = pass.Executions.Select(e => new
        {
            e.Id,
            e.StepId,
            Status = e.Phase,
            e.RunId,
            e.RequestId,
            e.CostUsd,
            Outputs = e.Outputs.Select(o => context.Paths.Relative(o.Path)).ToList(),
        }).ToList();
        if (context.Json)
        {
            await JsonOutput.WriteAsync(context.Out, new { pass.RunId, pass.Sequences, pass.Files, Executions = executions, TotalCostUsd = pass.Executions.Sum(e => e.CostUsd) });
            return ExitCodes.Ok;
        }

        await context.Out.WriteLineAsync($"pass {pass.RunId}: sequence(s) {(pass.Sequences.Count == 0 ? "none (a later grid started a new pass)" : string.Join(", ", pass.Sequences))}");
        await context.Out.WriteLineAsync($"files ({pass.Files.Count}):");
        foreach (var file in pass.Files)
        {
            await context.Out.WriteLineAsync($"  {file}");
        }

        await context.Out.WriteAsync(TextTable.Render(
            ["EXECUTION", "STATUS", "INVOCATION", "REQUEST", "COST"],
            executions.Select(e => (IReadOnlyList<string>)[e.Id, e.Status, e.RunId, e.RequestId ?? "-", TextTable.Money(e.CostUsd)])));
        await context.Out.WriteLineAsync($"{executions.Count} paid call(s), {TextTable.Money(pass.Executions.Sum(e => e.CostUsd))}");
        return ExitCodes.Ok;
    }
}
