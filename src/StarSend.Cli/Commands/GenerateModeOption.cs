using System.CommandLine;
using StarSend.Core.Workflow;

namespace StarSend.Cli.Commands;

/// <summary><c>--mode auto|multi|individual</c>, shown and accepted in lowercase as the README writes it.</summary>
internal static class GenerateModeOption
{
    private static readonly Dictionary<string, GenerateMode> _modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["auto"] = GenerateMode.Auto,
        ["multi"] = GenerateMode.Multi,
        ["individual"] = GenerateMode.Individual,
    };

    public static Option<GenerateMode> Create()
    {
        var option = new Option<GenerateMode>("--mode")
        {
            Description = "auto (default: multi-shot when the sequence fits one call), multi or individual (one call per shot)",
            HelpName = "auto|multi|individual",
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                if (_modes.TryGetValue(text, out var mode))
                {
                    return mode;
                }

                result.AddError($"--mode must be auto, multi or individual, not '{text}'");
                return GenerateMode.Auto;
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(_modes.Keys.ToArray());
        return option;
    }
}
