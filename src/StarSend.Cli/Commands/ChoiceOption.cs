using System.CommandLine;

namespace StarSend.Cli.Commands;

/// <summary>
/// An option whose value is one of a few lowercase words (<c>--mode auto|multi|individual</c>,
/// <c>--format otio|fcpxml|edl</c>): help and completion show the words as the README spells them, any case is
/// accepted, and a wrong word is one line naming the option and the words, never an internal type name.
/// </summary>
internal static class ChoiceOption
{
    /// <param name="name">The option, e.g. <c>--format</c>.</param>
    /// <param name="description">Help text.</param>
    /// <param name="choices">
    /// Lowercase word to value, in the order help lists them. The first is the default and must be <c>default(T)</c>:
    /// an option left out reads as <c>default(T)</c>, and no default is printed in enum spelling (the description says it).
    /// </param>
    public static Option<T> Create<T>(string name, string description, IReadOnlyList<KeyValuePair<string, T>> choices)
    {
        if (!EqualityComparer<T>.Default.Equals(choices[0].Value, default))
        {
            throw new ArgumentException($"{name}: the first choice must be the default value of {typeof(T).Name}", nameof(choices));
        }

        var words = choices.Select(c => c.Key).ToArray();
        var option = new Option<T>(name)
        {
            Description = description,
            HelpName = string.Join('|', words),
            CustomParser = result =>
            {
                var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Empty;
                foreach (var (word, value) in choices)
                {
                    if (string.Equals(word, text, StringComparison.OrdinalIgnoreCase))
                    {
                        return value;
                    }
                }

                result.AddError($"{name} must be {string.Join(", ", words[..^1])} or {words[^1]}, not '{text}'");
                return choices[0].Value;
            },
        };
        option.CompletionSources.Clear();
        option.CompletionSources.Add(words);
        return option;
    }
}
