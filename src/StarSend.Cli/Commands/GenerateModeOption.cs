using System.CommandLine;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>--mode auto|multi|individual</c>, shown and accepted in lowercase as the README writes it.</summary>
internal static class GenerateModeOption
{
    public static Option<GenerateMode> Create() => ChoiceOption.Create<GenerateMode>(
        "--mode",
        "auto (default: multi-shot when the sequence fits one call), multi or individual (one call per shot)",
        [new("auto", GenerateMode.Auto), new("multi", GenerateMode.Multi), new("individual", GenerateMode.Individual)]);
}
