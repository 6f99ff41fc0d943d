using System.CommandLine;

namespace StarSend.Cli.Commands;

/// <summary>Every verb of <c>starsend</c>, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CommandRunner runner) =>
    [
        EmulatorCommand.Create(runner),
    ];
}
