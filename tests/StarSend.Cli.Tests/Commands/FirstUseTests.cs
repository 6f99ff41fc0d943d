using System.Diagnostics;
using System.Text.Json;
using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary>What a new user meets first: a mistyped verb, <c>--mode</c>'s spelling, and read-only commands that leave the folder alone.</summary>
public sealed class FirstUseTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly string _project;

    public FirstUseTests()
    {
        _project = _temp.Combine("project");
        DemoProject.CopyTo(_project);
    }

    [Theory]
    [InlineData("genrate", "generate")]
    [InlineData("statsu", "status")]
    [InlineData("gen", "generate")]
    [InlineData("Grid", "grid")]
    public async Task Run_MistypedVerb_OneLineWithTheClosestVerb(string typed, string closest)
    {
        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), typed, "SEQ01");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith($"Error: '{typed}' is not a starsend command; did you mean '{closest}'?")
            .And.NotContain("Required command");
    }

    [Fact]
    public async Task Run_WordFarFromEveryVerb_OneLineWithoutAGuess()
    {
        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), "xyzzy");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorLines.Should().ContainSingle().Which.Should().Be("Error: 'xyzzy' is not a starsend command; 'starsend --help' lists them");
    }

    [Fact]
    public async Task GenerateHelp_Mode_ListsTheLowercaseNames()
    {
        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), "generate", "--help");

        result.ShouldSucceed();
        result.Out.Should().Contain("--mode <auto|multi|individual>").And.NotContain("Individual|Multi");
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("multi")]
    [InlineData("individual")]
    public async Task Generate_LowercaseMode_IsAcceptedAndReachesTheWorkflow(string mode)
    {
        var result = await Harness.Cli.RunAsync(_project, OfflineEnvironment.Create(), "generate", "SEQ01", "--mode", mode);

        result.ShouldFailWith(ExitCodes.IllegalState);
        (result.Out + result.Error).Should().Contain("SEQ01 is in not_started", "the mode parsed and the workflow refused the state, not the parser the word");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("status --json")]
    [InlineData("validate")]
    [InlineData("validate --json")]
    [InlineData("--help")]
    [InlineData("status --help")]
    public async Task ReadOnlyCommand_WritesNothingIntoTheProjectNorALogWhenItHasNothingToReport(string commandLine)
    {
        var environment = UserStateEnvironment();
        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, environment, commandLine.Split(' '));

        result.ShouldSucceed();
        ProjectSnapshot.Take(_project).ChangesSince(before).Should().BeEmpty();
        Directory.Exists(UserLogs).Should().BeFalse("a read-only run builds its log on its first warning or error (#12)");
    }

    [Theory]
    [InlineData("status NOPE", "status", "NOPE")]
    [InlineData("status NOPE --json", "status", "NOPE")]
    [InlineData("validate", "validate", "sequences")]
    public async Task ReadOnlyCommand_LogsItsErrorToTheUserStateFolderNotTheProject(string commandLine, string command, string named)
    {
        var environment = UserStateEnvironment();
        if (command == "validate")
        {
            // A plan with no sequences: validate refuses it (exit 2) and logs the problems.
            var plan = Path.Combine(_project, "client_plan.json");
            var json = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(plan))!;
            json["sequences"] = new System.Text.Json.Nodes.JsonArray();
            await File.WriteAllTextAsync(plan, json.ToJsonString());
        }

        var before = ProjectSnapshot.Take(_project);

        var result = await Harness.Cli.RunAsync(_project, environment, commandLine.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        result.Error.Should().Contain(named).And.NotContain("ERR ", "the error is shown once, by the runner, not again by the console log");
        ProjectSnapshot.Take(_project).ChangesSince(before).Should().BeEmpty();
        var events = Directory.EnumerateFiles(UserLogs, "starsend-*.jsonl").SelectMany(File.ReadLines)
            .Select(e => JsonDocument.Parse(e).RootElement).ToList();
        events.Should().ContainSingle(e => e.EnumerateObject().Any(p => p.Name == "@l" && p.Value.GetString() == "Error"))
            .Which.GetRawText().Should().Contain(named);
        events.Should().OnlyContain(e => e.EnumerateObject().Any(p => p.Name == "Command" && p.Value.GetString() == command), "the deferred log carries the run's enrichers");
        events.Should().OnlyContain(e => e.EnumerateObject().Any(p => p.Name == "Project" && p.Value.GetString() == _project), "the user log is shared by every project");
        events.Should().OnlyContain(e => e.EnumerateObject().Any(p => p.Name == "RunId"));
    }

    [Theory]
    [InlineData("status")]
    [InlineData("validate")]
    public async Task ReadOnlyCommand_Verbose_ShowsAndLogsItsDebugLines(string command)
    {
        var environment = UserStateEnvironment();

        var result = await Harness.Cli.RunAsync(_project, environment, command, "--verbose");

        result.ShouldSucceed();
        result.Error.Should().Contain($"DBG starsend {command} in ");
        var events = Directory.EnumerateFiles(UserLogs, "starsend-*.jsonl").SelectMany(File.ReadLines).ToList();
        events.Should().Contain(e => e.Contains("finished with exit code", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Init_WritesAGitIgnoreForLogsLeasesLocksAndJournal()
    {
        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), "init", "fresh");

        result.ShouldSucceed();
        var ignore = await File.ReadAllLinesAsync(_temp.Combine("fresh", ".gitignore"));
        ignore.Should().Contain(["/logs/", "/state/leases/", "/state/journal/", "/state/project.lock", "/state/project.lock.holder"]);
        ignore.Should().NotContain(l => l.Contains("state/client", StringComparison.Ordinal) || l.Contains("media", StringComparison.Ordinal), "state and paid media are the project's record");
    }

    [Fact]
    public async Task Status_OnTheRepositorysDemo_LeavesItsFolderAndGitStatusClean()
    {
        var repo = RepositoryRoot();
        var demo = Path.Combine(repo, "projects", "demo");
        var before = ProjectSnapshot.Take(demo);
        var gitBefore = await GitStatusAsync(repo, "projects/demo");

        var result = await Harness.Cli.RunAsync(repo, OfflineEnvironment.Create(), "status", "--project", "projects/demo");

        result.ShouldSucceed();
        ProjectSnapshot.Take(demo).ChangesSince(before).Should().BeEmpty();
        (await GitStatusAsync(repo, "projects/demo")).Should().Be(gitBefore, "git sees nothing new (in a fresh clone: nothing at all)");
        var ignore = await File.ReadAllTextAsync(Path.Combine(demo, ".gitignore"));
        ignore.Should().StartWith(ProjectGitIgnore.Text, "the demo ignores what init's projects ignore");
        ignore.Split('\n').Should().Contain(["/state/", "/media/", "/review/", "/exports/"], "and, being the embedded fixture, everything a command writes");
    }

    public void Dispose() => _temp.Dispose();

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StarSend.sln not found above the test output");
    }

    private static async Task<string> GitStatusAsync(string repo, string path)
    {
        var info = new ProcessStartInfo("git") { WorkingDirectory = repo, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "status", "--porcelain", "--untracked-files=all", "--", path })
        {
            info.ArgumentList.Add(arg);
        }

        Process? started;
        try
        {
            started = Process.Start(info);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(no git)";
        }

        using var git = started!;
        var output = await git.StandardOutput.ReadToEndAsync();
        await git.WaitForExitAsync();
        return git.ExitCode == 0 ? output.Trim() : string.Empty;
    }

    /// <summary>Where a read-only command logs with <see cref="UserStateEnvironment"/>.</summary>
    private string UserLogs => Path.Combine(_temp.Combine("xdg-state"), "starsend", "logs");

    /// <summary>The offline environment with <c>XDG_STATE_HOME</c> in the test's temp folder, so the user log lands in <see cref="UserLogs"/>.</summary>
    private Dictionary<string, string?> UserStateEnvironment()
    {
        var environment = OfflineEnvironment.Create();
        environment["XDG_STATE_HOME"] = _temp.Combine("xdg-state");
        return environment;
    }
}
