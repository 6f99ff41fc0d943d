using System.CommandLine;

namespace StarSend.Cli.Commands;

/// <summary>Every verb of <c>starsend</c>, in the order the help lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> Create(CommandRunner runner) =>
    [
        InitCommand.Create(runner),
        ValidateCommand.Create(runner),
        StatusCommand.Create(runner),
        GridCommand.Create(runner),
        PickCommand.Create(runner),
        AnalyzeCommand.Create(runner),
        GenerateCommand.Create(runner),
        RunCommand.Create(runner),
        ResetCommand.Create(runner),
        ApproveCommand.Create(runner),
        ReviewCommand.Create(runner),
        OmitCommand.Create(runner, restore: false),
        OmitCommand.Create(runner, restore: true),
        BoardCommand.Create(runner),
        DailiesCommand.Create(runner),
        ReconcileCommand.Create(runner),
        ExportCommand.Create(runner),
        RoughCutCommand.Create(runner),
        CostsCommand.Create(runner),
        PricesCommand.Create(runner),
        DoctorCommand.Create(runner),
        DemoCommand.Create(runner),
        EmulatorCommand.Create(runner),
    ];
}
