using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Sequences;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.EndToEnd;

/// <summary>
/// Issue #14: grid, pick, generate and generate --again, each its own process, leave one prefix (the pass run id) on
/// the grid, the start frame and both takes; the log and the execution records carry it beside each invocation's id.
/// </summary>
public sealed class PassRunIdTests
{
    [Fact]
    public async Task GridPickGenerateAgain_AsSeparateProcesses_ShareOnePassPrefix()
    {
        await using var project = await EmulatedProject.StartAsync();

        foreach (var args in new[] { new[] { "grid", "SEQ01" }, ["pick", "SEQ01", "2"], ["generate", "SEQ01", "--yes"], ["generate", "SEQ01", "--yes", "--again"] })
        {
            var result = await RunChildAsync(project, args);
            result.ExitCode.Should().Be(0, $"{string.Join(' ', args)}: {result.Error}{result.Out}");
        }

        var record = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ01"];
        var pass = record.PassRunId;
        pass.Should().NotBeNull();
        var files = new[] { record.Grids.Single().File!, record.StartFrame!.File }.Concat(record.Takes.SelectMany(t => t.Files).Select(f => f.Path)).ToList();
        files.Should().HaveCount(4);
        files.Should().OnlyContain(f => Path.GetFileName(f).StartsWith(pass + "_", StringComparison.Ordinal), "one pass, one prefix");
        record.Takes.Select(t => t.PassRunId).Should().Equal(pass, pass);
        record.Takes.Select(t => t.RunId).Should().OnlyHaveUniqueItems("each invocation keeps its own id").And.NotContain(pass);

        var executions = (await ProjectState.ExecutionsAsync(project.Dir)).Executions.Values.ToList();
        executions.Should().HaveCountGreaterThanOrEqualTo(3).And.OnlyContain(e => e.PassRunId == pass);
        executions.Select(e => e.RunId).Distinct().Should().HaveCount(3, "grid, generate and generate --again each made calls under their own id");

        var events = LogEvents(project.Dir).Where(e => e.ToJsonString().Contains("SEQ01", StringComparison.Ordinal)).ToList();
        events.Should().NotBeEmpty();
        var passEvents = events.Where(e => (string?)e["PassRunId"] == pass).ToList();
        passEvents.Select(e => (string)e["RunId"]!).Distinct().Should().HaveCount(4, "grid, pick and both generates logged about SEQ01 under the pass:\n" + string.Join('\n', events.Select(e => $"{e["RunId"]} {e["PassRunId"]} {e["@mt"]}")));
        events.Where(e => e["PassRunId"] is null).Select(e => (string?)e["@mt"])
            .Should().BeEmpty("every event about SEQ01 carries the pass id");

        var listing = await project.RunAsync("status", "--run", pass!, "--json");
        listing.ExitCode.Should().Be(0, listing.Error);
        using var json = JsonDocument.Parse(listing.Out);
        var listed = json.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()!).ToList();
        var onDisk = Directory.EnumerateFiles(Path.Combine(project.Dir, "media"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(project.Dir, f).Replace('\\', '/')).ToList();
        listed.Should().BeEquivalentTo(onDisk, "the pass wrote every media file of this project, and the listing names exactly those");
        listed.Should().Contain(files);
        json.RootElement.GetProperty("executions").GetArrayLength().Should().Be(executions.Count);
        json.RootElement.GetProperty("sequences").EnumerateArray().Select(s => s.GetString()).Should().Equal("SEQ01");

        var status = await project.RunAsync("status", "SEQ01");
        status.Out.Should().Contain($"SEQ01 pass {pass}");
    }

    [Fact]
    public async Task NewGrid_StartsANewPass_AndOldFilesKeepTheirNames()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("grid", "SEQ02")).ExitCode.Should().Be(0);
        var first = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ02"];

        var again = await project.RunAsync("grid", "SEQ02", "--again");

        again.ExitCode.Should().Be(0, again.Error);
        var second = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ02"];
        second.PassRunId.Should().NotBe(first.PassRunId);
        second.Grids.Select(g => g.PassRunId).Should().Equal(first.PassRunId, second.PassRunId);
        File.Exists(Path.Combine(project.Dir, first.Grids[0].File!)).Should().BeTrue();
        (await project.RunAsync("status", "--run", first.PassRunId!, "--json")).Out.Should().Contain(first.Grids[0].File!).And.NotContain(second.Grids[1].File!);
    }

    [Fact]
    public async Task SchemaOneProject_KeepsWorking_MigratesForwardAndStartsAPassAtTheNextGrid()
    {
        await using var project = await EmulatedProject.StartAsync();
        (await project.RunAsync("grid", "SEQ03")).ExitCode.Should().Be(0);
        var path = Path.Combine(project.Dir, "state", "client", "sequences.json");
        var old = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        old["schema_version"] = 1;
        var seq = old["sequences"]!["SEQ03"]!.AsObject();
        seq.Remove("pass_run_id");
        seq["grids"]![0]!.AsObject().Remove("pass_run_id");
        await File.WriteAllTextAsync(path, old.ToJsonString());
        var oldGrid = (string)seq["grids"]![0]!["file"]!;

        var pick = await project.RunAsync("pick", "SEQ03", "1");
        var grid = await project.RunAsync("grid", "SEQ03", "--again");

        pick.ExitCode.Should().Be(0, pick.Error);
        grid.ExitCode.Should().Be(0, grid.Error);
        JsonNode.Parse(await File.ReadAllTextAsync(path))!["schema_version"]!.GetValue<int>().Should().Be(SequencesDocument.CurrentSchemaVersion);
        var record = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ03"];
        record.Grids[0].File.Should().Be(oldGrid, "paid files are never renamed");
        File.Exists(Path.Combine(project.Dir, oldGrid)).Should().BeTrue();
        record.PassRunId.Should().NotBeNull().And.Be(record.Grids[1].PassRunId);
    }

    private static async Task<CliResult> RunChildAsync(EmulatedProject project, string[] args)
    {
        using var child = CliRun.Start(project.Dir, project.Environment, args);
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return new CliResult(child.ExitCode, await output, await error);
    }

    /// <summary>The project's log events (CLEF: properties at the top level, <c>@mt</c> the message template).</summary>
    private static List<JsonNode> LogEvents(string dir) =>
        [.. Directory.EnumerateFiles(Path.Combine(dir, "logs"), "*.jsonl").SelectMany(File.ReadAllLines).Where(l => l.Length > 0).Select(l => JsonNode.Parse(l)!)];
}
