using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text;
using StarSend.Cli.Commands;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary>
/// The command tree built for one command line (#12): a line naming a verb gets the root with only that verb, and must
/// parse, fail and help exactly as the tree with every verb; any other line gets every verb.
/// </summary>
public sealed class CommandTreeTests
{
    private static readonly CliHost Host = new()
    {
        Out = TextWriter.Null,
        Error = TextWriter.Null,
        Environment = new Dictionary<string, string?>(),
        CurrentDirectory = Path.GetTempPath(),
    };

    /// <summary>Representative lines of every verb: options, arguments, global options before and after the verb, and usage errors.</summary>
    public static TheoryData<string[]> VerbLines => new(
        ["init", "/tmp/p", "--plan", "plan.json"],
        ["init"],
        ["validate", "--json"],
        ["status"],
        ["status", "SEQ01", "--run", "20260101T000000Z-abcd"],
        ["status", "--coverage", "--json"],
        ["--project", "/tmp/p", "status"],
        ["--project=/tmp/p", "--json", "status", "SEQ02"],
        ["--project:/tmp/p", "--verbose", "status"],
        ["--project", "grid", "status", "grid"],
        ["--json", "--verbose", "--project", "/tmp/p", "status", "--coverage"],
        ["status", "--project", "/tmp/p", "--json"],
        ["status", "SEQ01", "SEQ02"],
        ["status", "--bogus"],
        ["status", "--run"],
        ["status", "--help"],
        ["grid", "SEQ01", "SEQ02", "--all"],
        ["--verbose", "grid", "--section", "verse"],
        ["pick", "SEQ01", "r0c1", "--grid", "2"],
        ["pick", "SEQ01", "1", "--grid", "two"],
        ["pick", "SEQ01"],
        ["analyze", "--all", "--dry-run"],
        ["generate", "SEQ01", "--mode", "multi", "--again"],
        ["generate", "SEQ01", "--mode", "sideways"],
        ["run", "--all"],
        ["reset", "SEQ01", "--to", "grid_review"],
        ["approve", "SEQ01", "--take", "2"],
        ["approve", "SEQ01", "--take", "x"],
        ["review", "SEQ01", "--take", "1", "--retake", "too dark"],
        ["review", "import", "decisions.json"],
        ["omit", "SEQ01", "SEQ02"],
        ["restore", "SEQ01"],
        ["restore"],
        ["board", "--json"],
        ["dailies", "--all"],
        ["reconcile"],
        ["export", "timeline", "--format", "edl", "--out", "cut.edl"],
        ["export", "timeline", "--format", "avi"],
        ["export"],
        ["roughcut", "--out", "cut.mp4"],
        ["costs", "--by", "model", "--csv"],
        ["prices"],
        ["doctor", "--json"],
        ["demo", "--dir", "/tmp/d"],
        ["emulator", "serve", "--port", "0", "--faults", "gemini:hang@1"],
        ["emulator", "serve", "--port", "70000"],
        ["--json", "emulator", "serve", "--port", "abc"]);

    /// <summary>Lines that are not <c>[global options] VERB ...</c>: no verb, help, version, completion, unknown or misspelt words.</summary>
    public static TheoryData<string[]> OtherLines => new(
        [],
        ["--help"],
        ["-h", "status"],
        ["--version"],
        ["statsu"],
        ["Status"],
        ["--project", "/tmp/p", "statsu"],
        ["--project"],
        ["--json", "true", "status"],
        ["--json=true", "status"],
        ["--quiet", "status"],
        ["[suggest:2]", "st"],
        ["[diagram]", "status"],
        ["@args.rsp"]);

    [Theory]
    [MemberData(nameof(VerbLines))]
    public void Build_LineNamingAVerb_HoldsThatVerbAlone(string[] args)
    {
        var verb = VerbOf(StarSendApp.Build(Host).Parse(args));

        var root = StarSendApp.Build(Host, args);

        root.Subcommands.Should().ContainSingle().Which.Name.Should().Be(verb);
        root.Options.Select(o => o.Name).Should().Contain(["--project", "--json", "--verbose", "--help", "--version"]);
    }

    [Theory]
    [MemberData(nameof(OtherLines))]
    public void Build_AnyOtherLine_HoldsEveryVerbInHelpOrder(string[] args)
    {
        var root = StarSendApp.Build(Host, args);

        root.Subcommands.Select(c => c.Name).Should().Equal(CommandCatalog.Verbs.Select(v => v.Verb));
    }

    [Theory]
    [MemberData(nameof(VerbLines))]
    public void Parse_LineNamingAVerb_SameResultAsTheWholeTree(string[] args)
    {
        var whole = StarSendApp.Build(Host).Parse(args);
        var one = StarSendApp.Build(Host, args).Parse(args);

        Describe(one).Should().Be(Describe(whole));
    }

    [Fact]
    public void Catalog_EveryVerbNamesItsCommand()
    {
        var runner = new CommandRunner(Host, new GlobalOptions());

        CommandCatalog.Verbs.Should().OnlyContain(v => v.Create(runner).Name == v.Verb);
        CommandCatalog.Verbs.Select(v => v.Verb).Should().OnlyHaveUniqueItems().And.Contain(["status", "omit", "restore", "emulator"]);
    }

    public static TheoryData<string> HelpLines =>
    [
        .. CommandCatalog.Verbs.Select(v => $"{v.Verb} --help"),
        "--project /tmp/p status -h",
        "export timeline --help",
        "review import --help",
        "emulator serve --help",
    ];

    [Theory]
    [MemberData(nameof(HelpLines))]
    public async Task Help_OfOneVerb_SameTextAsFromTheWholeTree(string line)
    {
        var args = line.Split(' ');
        var whole = new StringWriter();
        var wholeCode = await StarSendApp.Build(Host).Parse(args).InvokeAsync(new InvocationConfiguration { Output = whole, Error = whole });

        var result = await Harness.Cli.RunAsync(Path.GetTempPath(), args);

        StarSendApp.Build(Host, args).Subcommands.Should().ContainSingle("the line names one verb");
        result.ExitCode.Should().Be(wholeCode).And.Be(0);
        result.Out.Should().Be(whole.ToString()).And.Contain("Usage:");
    }

    [Fact]
    public async Task Help_OfTheRoot_ListsEveryVerb()
    {
        var result = await Harness.Cli.RunAsync(Path.GetTempPath(), "--help");

        result.ExitCode.Should().Be(0);
        var listed = result.Out.Split('\n').Select(l => l.Trim().Split(' ')[0]).ToHashSet(StringComparer.Ordinal);
        listed.Should().Contain(CommandCatalog.Verbs.Select(v => v.Verb));
    }

    [Theory]
    [InlineData("statsu", "statsu")]
    [InlineData("--project /tmp/p statsu", "statsu")]
    [InlineData("--json staus --coverage", "staus")]
    public async Task Run_MisspeltVerb_SuggestsTheVerb(string line, string word)
    {
        var result = await Harness.Cli.RunAsync(Path.GetTempPath(), line.Split(' '));

        result.ExitCode.Should().Be(ExitCodes.BadInput);
        result.Error.Trim().Should().Be($"Error: '{word}' is not a starsend command; did you mean 'status'? ('starsend --help' lists them)");
    }

    [Fact]
    public async Task Run_CompletionDirective_OffersEveryMatchingVerb()
    {
        var result = await Harness.Cli.RunAsync(Path.GetTempPath(), "[suggest:2]", "re");

        result.ExitCode.Should().Be(0, result.Error);
        result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Should().Contain(["reconcile", "reset", "restore", "review"]);
    }

    /// <summary>The verb the line ran: the command right under the root.</summary>
    private static string VerbOf(ParseResult parsed)
    {
        var result = parsed.CommandResult;
        while (result.Parent is CommandResult { Parent: not null } parent)
        {
            result = parent;
        }

        return result.Command.Name;
    }

    /// <summary>Everything the parse decided: the commands, each option and argument with its tokens and value, the errors and the completions.</summary>
    private static string Describe(ParseResult parsed)
    {
        var text = new StringBuilder();
        for (SymbolResult? result = parsed.CommandResult; result is not null; result = result.Parent)
        {
            text.Append("command ").AppendLine(((CommandResult)result).Command.Name);
            foreach (var child in ((CommandResult)result).Children)
            {
                switch (child)
                {
                    case OptionResult option:
                        text.Append("  option ").Append(option.Option.Name).Append(option.Implicit ? " implicit" : string.Empty)
                            .Append(" [").AppendJoin(' ', option.Tokens.Select(t => t.Value)).Append("] = ").AppendLine(Value(option.GetValueOrDefault<object?>));
                        break;
                    case ArgumentResult argument:
                        text.Append("  argument ").Append(argument.Argument.Name)
                            .Append(" [").AppendJoin(' ', argument.Tokens.Select(t => t.Value)).Append("] = ").AppendLine(Value(argument.GetValueOrDefault<object?>));
                        break;
                    default:
                        text.Append("  ").AppendLine(child.ToString());
                        break;
                }
            }
        }

        text.Append("unmatched ").AppendJoin(' ', parsed.UnmatchedTokens).AppendLine();
        foreach (var error in parsed.Errors)
        {
            text.Append("error ").AppendLine(error.Message);
        }

        text.Append("action ").AppendLine(parsed.Action?.GetType().Name ?? "none");
        text.Append("completions ").AppendJoin(' ', parsed.GetCompletions().Select(c => c.Label));
        return text.ToString();
    }

    private static string Value(Func<object?> read)
    {
        try
        {
            return read() switch
            {
                null => "null",
                string s => s,
                System.Collections.IEnumerable items => string.Join(",", items.Cast<object?>()),
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
            };
        }
        catch (InvalidOperationException ex)
        {
            return $"({ex.Message})";
        }
    }
}
