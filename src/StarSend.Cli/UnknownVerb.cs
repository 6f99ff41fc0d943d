using System.CommandLine;

namespace StarSend.Cli;

/// <summary>
/// A first word that is no verb: one line naming it and the closest verb (Levenshtein distance at most a third of its
/// length and at least 2, or a verb it begins), instead of the parser's "Required command was not provided" followed by "Unrecognized command".
/// </summary>
internal static class UnknownVerb
{
    /// <summary>The one-line message when <paramref name="parsed"/> failed on an unknown first word; otherwise null.</summary>
    public static string? MessageFor(ParseResult parsed, RootCommand root)
    {
        if (parsed.CommandResult.Command != root || parsed.UnmatchedTokens.Count == 0)
        {
            return null;
        }

        var word = parsed.UnmatchedTokens[0];
        if (word.StartsWith('-'))
        {
            return null;
        }

        var closest = Closest(word, root.Subcommands.Select(c => c.Name));
        return closest is null
            ? $"'{word}' is not a starsend command; 'starsend --help' lists them"
            : $"'{word}' is not a starsend command; did you mean '{closest}'? ('starsend --help' lists them)";
    }

    public static string? Closest(string word, IEnumerable<string> verbs)
    {
        var lower = word.ToLowerInvariant();
        var best = verbs
            .Select(v => (Verb: v, Distance: Distance(lower, v), Prefix: v.StartsWith(lower, StringComparison.Ordinal)))
            .OrderBy(c => c.Prefix ? 0 : c.Distance)
            .ThenBy(c => c.Verb, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Verb is not null && (best.Prefix && lower.Length >= 2 || best.Distance <= Math.Max(2, lower.Length / 3)) ? best.Verb : null;
    }

    private static int Distance(string a, string b) => Core.Text.EditDistance.Between(a, b);
}
