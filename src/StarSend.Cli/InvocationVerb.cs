using System.CommandLine;

namespace StarSend.Cli;

/// <summary>
/// The first word of a command line after the global options, found before the command tree exists so the tree can
/// hold only the verb the command line names (#12). Anything but the plain shape <c>[--project DIR] [--json]
/// [--verbose] WORD ...</c> gives null, and the caller builds the whole tree as before: no word, help or version
/// options, directives such as dotnet-suggest's <c>[suggest:N]</c>, response files, unknown options, a flag given an
/// explicit value (<c>--json true</c>).
/// </summary>
internal static class InvocationVerb
{
    /// <summary>The word after the leading global options of <paramref name="args"/>, or null when the line has another shape.</summary>
    /// <param name="args">The command line, without the program name.</param>
    /// <param name="globals">The global options, as the root command takes them.</param>
    public static string? FirstWord(IReadOnlyList<string> args, GlobalOptions globals)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                return arg.StartsWith('[') || arg.StartsWith('@') ? null : arg;
            }

            // The parser also takes --option=value and --option:value.
            var split = arg.IndexOfAny(['=', ':']);
            var option = globals.Find(split < 0 ? arg : arg[..split]);
            if (option is null)
            {
                return null;
            }

            var takesValue = option is not Option<bool>;
            if (split >= 0)
            {
                if (!takesValue)
                {
                    return null;
                }
            }
            else if (takesValue)
            {
                i++;
            }
            else if (i + 1 < args.Count && bool.TryParse(args[i + 1], out _))
            {
                return null;
            }
        }

        return null;
    }
}
