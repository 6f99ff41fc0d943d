using System.CommandLine;

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
}
