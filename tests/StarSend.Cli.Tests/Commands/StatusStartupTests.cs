using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;

namespace StarSend.Cli.Tests.Commands;

/// <summary>
/// Start-up of <c>status</c> (#12), checked in a real child process through <c>STARSEND_DIAGNOSTICS=1</c>: it loads no
/// HTTP, imaging or emulator code, and reads each state file once. (The time itself is the benchmark's business:
/// <c>tools/StarSend.Benchmarks -- --startup</c>.)
/// </summary>
public sealed class StatusStartupTests
{
    private static readonly string[] NotOnTheStatusPath =
    [
        "System.Net.Http", "Flurl", "Flurl.Http", "Polly.Core", "SkiaSharp", "StarSend.Emulator", "Microsoft.AspNetCore.Server.Kestrel.Core",
        "Fluid", "FFMpegCore", "Spectre.Console", "StarSend.Review", "System.Reflection.Emit.Lightweight", "StarSend.Imaging",
    ];

    [Fact]
    public async Task Status_AsAChildProcess_LoadsNoHttpImagingOrEmulatorAssembliesAndReadsEachStateFileOnce()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01", "1");
        File.Exists(Path.Combine(project.Dir, "state", "executions.json")).Should().BeTrue("the grid was paid for");

        var (code, error) = await RunChildAsync(project.Dir, OfflineEnvironment.Create(), "status");

        code.Should().Be(0, error);
        var loaded = error.Split('\n').Where(l => l.StartsWith("loaded: ", StringComparison.Ordinal)).Select(l => l["loaded: ".Length..].Trim()).ToList();
        loaded.Should().Contain(["StarSend.Core", "StarSend.Infrastructure", "System.Text.Json"], "the diagnostic lists what status really loads");
        loaded.Should().NotContain(NotOnTheStatusPath);
        var reads = error.Split('\n').Where(l => l.StartsWith("state read: ", StringComparison.Ordinal)).Select(l => l["state read: ".Length..].Trim()).ToList();
        reads.Should().BeEquivalentTo(
            [$"{Path.Combine(project.Dir, "state", "client", "sequences.json")} 1", $"{Path.Combine(project.Dir, "state", "executions.json")} 1"]);
    }

    [Fact]
    public async Task StatusCoverage_AsAChildProcess_ReadsSequencesJsonOnceAndLoadsNoImaging()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01", "1");
        await project.MustRunAsync("omit", "SEQ02");

        var (code, error) = await RunChildAsync(project.Dir, OfflineEnvironment.Create(), "status", "--coverage");

        code.Should().Be(0, error);
        error.Should().Contain($"state read: {Path.Combine(project.Dir, "state", "client", "sequences.json")} 1").And.NotContain("loaded: SkiaSharp");
    }

    [Fact]
    public async Task Grid_AsAChildProcess_ListsTheHttpAndImagingStackItNeeds()
    {
        // The same diagnostic on a command that does load the providers, so the test above cannot pass on a listing that is always short.
        await using var project = await EmulatedProject.StartAsync();

        var (code, error) = await RunChildAsync(project.Dir, project.Environment, "grid", "SEQ01");

        code.Should().Be(0, error);
        error.Should().Contain("loaded: Flurl.Http").And.Contain("loaded: SkiaSharp", "grid calls Gemini and checks the image it gets");
    }

    [Fact]
    public async Task Status_ElementImageMissing_StillExitsTwoNamingIt()
    {
        // Presence is still checked on the status path; only the image's content is left to validate.
        await using var project = await EmulatedProject.StartAsync();
        var plan = PlanFile.Read(project.Dir);
        var image = (string)plan["elements"]![0]!["image"]!;
        File.Delete(Path.Combine(project.Dir, image));

        var result = await project.RunAsync("status");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("$.elements[0].image").And.Contain("file not found");
    }

    [Fact]
    public async Task Status_AsAChildProcessFromAnotherFolder_ReadsTheProjectItNamesOnce()
    {
        // The project is read from the first line of Main, guessed from --project=DIR; the guess must be the folder the
        // parsed command asks for, read once, and not the folder the process runs in.
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ01", "1");
        var elsewhere = Path.Combine(project.Dir, "..", "elsewhere");
        Directory.CreateDirectory(elsewhere);

        var (code, error) = await RunChildAsync(elsewhere, OfflineEnvironment.Create(), "status", $"--project={project.Dir}", "SEQ01");

        code.Should().Be(0, error);
        error.Split('\n').Where(l => l.StartsWith("state read: ", StringComparison.Ordinal)).Select(l => l["state read: ".Length..].Trim()).Should().BeEquivalentTo(
            [$"{Path.Combine(project.Dir, "state", "client", "sequences.json")} 1", $"{Path.Combine(project.Dir, "state", "executions.json")} 1"]);
    }

    [Fact]
    public async Task Status_AsAChildProcess_InvalidPlanAndUnreadableState_ReportsThePlanOnly()
    {
        // Read on other threads, the problems still come in the order a command meets them: the plan first.
        await using var project = await EmulatedProject.StartAsync();
        PlanFile.Edit(project.Dir, plan => plan["sequences"]![0]!["start_s"] = -5);
        Directory.CreateDirectory(Path.Combine(project.Dir, "state", "client"));
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "state", "client", "sequences.json"), "{ not json");

        var (code, error) = await RunChildAsync(project.Dir, OfflineEnvironment.Create(), "status");

        code.Should().Be(2, error);
        error.Should().Contain("$.sequences[0].start_s").And.NotContain("sequences.json is unreadable").And.NotContain("   at ");
    }

    [Fact]
    public async Task Status_AsAChildProcess_UnreadableState_ExitsWithTheStateFileError()
    {
        await using var project = await EmulatedProject.StartAsync();
        Directory.CreateDirectory(Path.Combine(project.Dir, "state", "client"));
        await File.WriteAllTextAsync(Path.Combine(project.Dir, "state", "client", "sequences.json"), "{ not json");

        var (code, error) = await RunChildAsync(project.Dir, OfflineEnvironment.Create(), "status");

        code.Should().NotBe(0);
        error.Should().Contain("sequences.json is unreadable").And.NotContain("   at ");
    }

    private static async Task<(int Code, string Error)> RunChildAsync(string dir, Dictionary<string, string?> environment, params string[] args)
    {
        environment["STARSEND_DIAGNOSTICS"] = "1";
        environment["XDG_STATE_HOME"] = Path.Combine(dir, "..", "xdg-state");
        using var process = Harness.Cli.Start(dir, environment, args);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await output;
        await process.WaitForExitAsync();
        return (process.ExitCode, error);
    }
}
