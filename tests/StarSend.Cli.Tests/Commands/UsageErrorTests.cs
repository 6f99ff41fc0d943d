using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary>Bad command lines: exit 2, one <c>Error:</c> line per problem, nothing else on stderr but the usage hint, nothing written.</summary>
public sealed class UsageErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;

    public UsageErrorTests()
    {
        _project = _temp.Combine("project");
        DemoProject.CopyTo(_project);
    }

    [Theory]
    [InlineData("frobnicate", "'frobnicate'")]
    [InlineData("validate --bogus --wat", "'--bogus'", "'--wat'")]
    [InlineData("approve SEQ01 --final --later", "'--later'")]
    [InlineData("approve SEQ01", "exactly one of --take N, --final or --undo")]
    [InlineData("approve SEQ01 --take 1 --final", "exactly one of --take N, --final or --undo")]
    [InlineData("approve SEQ01 --take x", "'x'")]
    [InlineData("pick SEQ01", "Required argument missing")]
    [InlineData("pick SEQ01 1 --grid two", "'two'")]
    [InlineData("generate SEQ01 --mode sideways", "'sideways'")]
    [InlineData("status --project", "--project")]
    [InlineData("emulator serve --port abc", "'abc'")]
    [InlineData("emulator serve --port 70000", "--port must be between 0 and 65535")]
    [InlineData("emulator serve --faults gemini:hang@1", "--faults: Fault rule 'gemini:hang@1'")]
    public async Task Run_BadCommandLine_ExitsTwoWithOneErrorLinePerProblem(string commandLine, params string[] problems)
    {
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        foreach (var problem in problems)
        {
            result.ErrorMessages().Should().ContainSingle(l => l.Contains(problem), $"one line names {problem}");
        }

        result.ErrorLines.Should().OnlyContain(l => l.StartsWith("Error: ", StringComparison.Ordinal) || l.StartsWith("Run 'starsend --help'", StringComparison.Ordinal));
        result.ErrorLines.Should().HaveCountLessThanOrEqualTo(problems.Length + 2, "a line per problem (the parser may add 'Required command was not provided') and the usage hint");
        result.Out.Should().BeEmpty();
        ProjectSnapshot.Take(_project).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("grid SEQ99")]
    [InlineData("generate SEQ01 SEQ99")]
    [InlineData("pick SEQ99 1")]
    [InlineData("approve SEQ99 --final")]
    [InlineData("approve SEQ99 --take 1")]
    [InlineData("status SEQ99")]
    [InlineData("grid --section nowhere")]
    [InlineData("grid")]
    [InlineData("grid SEQ01 --all")]
    public async Task Run_UnknownSequenceOrNoSelection_ExitsTwoWithOneLineAndWritesOnlyLogs(string commandLine)
    {
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().StartWith("Error: ");
        var message = result.ErrorLines[0];
        if (commandLine.Contains("SEQ99", StringComparison.Ordinal))
        {
            message.Should().Contain("unknown sequence 'SEQ99'").And.Contain("SEQ12", "the message lists the plan's sequences");
        }

        ProjectSnapshot.Take(_project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("r2c0")]
    [InlineData("5")]
    [InlineData("0")]
    [InlineData("x")]
    [InlineData("r0c")]
    public async Task Pick_BadCell_ExitsTwoNamingTheCell(string cell)
    {
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), "pick", "SEQ01", cell);

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain($"'{cell}' is not a grid cell").And.Contain("r0c0");
        ProjectSnapshot.Take(_project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("pick SEQ01 1", "pick")]
    [InlineData("generate SEQ01", "generate")]
    [InlineData("approve SEQ01 --final", "approve --final")]
    public async Task Run_CommandOnNotStartedSequence_ExitsThreeNamingStateAndWhatIsLegal(string commandLine, string command)
    {
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.IllegalState);
        (result.Out + result.Error).Should().Contain($"SEQ01 is in not_started: {command} needs").And.Contain("legal now: grid");
        ProjectSnapshot.Take(_project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("grid SEQ99")]
    [InlineData("generate SEQ99")]
    [InlineData("analyze SEQ99")]
    [InlineData("run SEQ99")]
    [InlineData("grid --section coda")]
    public async Task Run_UnknownSequence_WithoutKeys_IsBadInputFirst_NotKeyMissing(string commandLine)
    {
        var environment = OfflineEnvironment.Create();
        environment.Remove("FAL_KEY");
        environment.Remove("GEMINI_API_KEY");
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, environment, commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().ContainAny("unknown sequence 'SEQ99'", "no sequence in section 'coda'");
        ProjectSnapshot.Take(_project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("generate SEQ01 --again --dryrun", "'--dryrun'", "generate")]
    [InlineData("analyze --dry-run --all", "'--dry-run'", "analyze")]
    [InlineData("grid --all --dry-run", "'--dry-run'", "grid")]
    public async Task Run_MisspeltOptionAmongSequenceIds_IsNamedAsAnOption_NotAnUnknownSequence(string commandLine, string option, string verb)
    {
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().Contain($"unrecognized option {option} for {verb}").And.NotContain("unknown sequence").And.NotContain("name the sequences");
        ProjectSnapshot.Take(_project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    public void Dispose() => _temp.Dispose();
}
