using System.CommandLine;
using StarSend.Core.Plans;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary>The sequence selection shared by batch commands: ids, --section NAME or --all.</summary>
internal sealed class BatchOptions
{
    public Argument<string[]> Ids { get; } = new("SEQ") { Description = "Sequence ids", Arity = ArgumentArity.ZeroOrMore };

    public Option<string?> Section { get; } = new("--section") { Description = "Every sequence of a song section" };

    public Option<bool> All { get; } = new("--all") { Description = "Every sequence of the plan" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Ids);
        command.Options.Add(Section);
        command.Options.Add(All);
    }

    /// <summary>Refuses a selection the plan does not have (exit 2), before the command asks for keys or reads state.</summary>
    public void Check(ParseResult parseResult, ClientPlan plan) =>
        SequenceSelection.Select(plan, parseResult.GetValue(Ids) ?? [], parseResult.GetValue(Section), parseResult.GetValue(All));
}
