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
    /// <remarks>
    /// An unknown option lands among the sequence ids (the SEQ argument takes any token), so a token that starts with
    /// '-' is reported as the misspelt option it is, not as an unknown sequence.
    /// </remarks>
    public void Check(ParseResult parseResult, ClientPlan plan)
    {
        var ids = parseResult.GetValue(Ids) ?? [];
        if (ids.FirstOrDefault(id => id.StartsWith('-')) is { } option)
        {
            var verb = parseResult.CommandResult.Command.Name;
            throw new Core.Errors.BadInputException($"unrecognized option '{option}' for {verb}; 'starsend {verb} --help' lists its options");
        }

        SequenceSelection.Select(plan, ids, parseResult.GetValue(Section), parseResult.GetValue(All));
    }
}
