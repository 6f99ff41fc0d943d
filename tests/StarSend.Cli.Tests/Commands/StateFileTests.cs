using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary>A state file written by a newer StarSend: a clear one-line error naming the file, and the file left alone.</summary>
public sealed class StateFileTests : IDisposable
{
    // Logs and lock files come and go with every command; what matters is the state itself.
    private static readonly string[] NotState = ["logs", "state/project.lock", "state/leases"];

    private readonly TempDirectory _temp = new();
    private readonly string _project;

    public StateFileTests()
    {
        _project = _temp.Combine("project");
        DemoProject.CopyTo(_project);
    }

    [Theory]
    [InlineData("reconcile")]
    [InlineData("grid SEQ01")]
    public async Task Run_ExecutionsFromANewerStarSend_ExitsOneNamingTheFileAndLeavesItAlone(string commandLine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFiles.ExecutionsPath(_project))!);
        const string newer = """{ "schema_version": 7, "executions": {}, "written_by": "starsend 9" }""";
        await File.WriteAllTextAsync(StateFiles.ExecutionsPath(_project), newer);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        ShouldNameTheNewerFile(result, "state/executions.json", 7);
        (await File.ReadAllTextAsync(StateFiles.ExecutionsPath(_project))).Should().Be(newer);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("grid SEQ01")]
    public async Task Run_SequencesFromANewerStarSend_ExitsOneNamingTheFileAndLeavesItAlone(string commandLine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StateFiles.SequencesPath(_project))!);
        await File.WriteAllTextAsync(StateFiles.SequencesPath(_project), """{ "schema_version": 3, "sequences": {} }""");
        var before = ProjectSnapshot.Take(_project, NotState);

        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), commandLine.Split(' '));

        ShouldNameTheNewerFile(result, "state/client/sequences.json", 3);
        ProjectSnapshot.Take(_project, NotState).ChangesSince(before).Should().BeEmpty();
    }

    public void Dispose() => _temp.Dispose();

    private static void ShouldNameTheNewerFile(Harness.CliResult result, string file, int version)
    {
        result.ShouldFailWith(ExitCodes.Unexpected);
        // The progress view may echo a shortened reason while the batch runs; the whole reason is said exactly once.
        var lines = (result.Out + result.Error).Split('\n').Where(l => l.Contains(file, StringComparison.Ordinal) && l.Contains("upgrade StarSend", StringComparison.Ordinal)).ToList();
        lines.Should().ContainSingle($"one line names {file} with the whole reason").Which.Should().Contain($"schema version {version}");
    }
}
