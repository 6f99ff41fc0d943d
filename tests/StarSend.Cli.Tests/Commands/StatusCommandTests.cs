using System.Text.Json;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>status</c>: a row per plan sequence; <c>--json</c> has exactly the keys the README documents.</summary>
public sealed class StatusCommandTests
{
    private static readonly string[] TopKeys = ["project", "sequences", "total_cost_usd"];
    private static readonly string[] RowKeys = ["id", "section", "start_s", "end_s", "state", "takes", "cost_usd"];
    private static readonly string[] OptionalRowKeys = ["approved_take", "last_error", "pass_run_id"];
    private static readonly string[] States = ["not_started", "grid_exploring", "grid_review", "start_frame_approved", "generating", "review", "approved", "final"];

    [Fact]
    public async Task Status_FreshProject_HasARowPerPlanSequenceInPlanOrder()
    {
        await using var project = await EmulatedProject.StartAsync();
        var ids = PlanFile.SequenceIds(project.Dir);

        var result = await project.MustRunAsync("status");

        var lines = result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().StartWith("SEQ").And.Contain("STATE").And.Contain("COST");
        lines.Skip(1).Take(ids.Count).Select(l => l.Split(' ')[0]).Should().Equal(ids);
        lines.Skip(1).Take(ids.Count).Should().OnlyContain(l => l.Contains("not_started"));
        project.Emulator.GetStats().Requests.Values.Sum().Should().Be(0, "status calls no provider");
    }

    [Fact]
    public async Task StatusJson_AfterGridAndPick_HasTheDocumentedKeysAndTheRowShowsNewStateAndCost()
    {
        await using var project = await EmulatedProject.StartAsync();
        var ids = PlanFile.SequenceIds(project.Dir);
        await project.MustRunAsync("grid", "SEQ01");
        await project.MustRunAsync("pick", "SEQ01", "2");
        var gridCost = StateFiles.Sequence(project.Dir, "SEQ01")["grids"]!.AsArray().Sum(g => (decimal)g!["cost_usd"]!);

        var result = await project.MustRunAsync("status", "--json");

        using var json = JsonDocument.Parse(result.Out);
        var root = json.RootElement;
        root.EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo(TopKeys);
        root.GetProperty("project").GetString().Should().Be((string)PlanFile.Read(project.Dir)["project"]!);
        var rows = root.GetProperty("sequences").EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("id").GetString()).Should().Equal(ids);
        foreach (var row in rows)
        {
            var keys = row.EnumerateObject().Select(p => p.Name).ToList();
            keys.Should().Contain(RowKeys).And.OnlyContain(k => RowKeys.Contains(k) || OptionalRowKeys.Contains(k));
            row.EnumerateObject().Should().NotContain(p => p.Value.ValueKind == JsonValueKind.Null, "null keys are omitted");
            States.Should().Contain(row.GetProperty("state").GetString());
        }

        var seq01 = rows[ids.ToList().IndexOf("SEQ01")];
        seq01.GetProperty("state").GetString().Should().Be("start_frame_approved");
        gridCost.Should().BePositive();
        seq01.GetProperty("cost_usd").GetDecimal().Should().Be(gridCost);
        seq01.GetProperty("takes").GetInt32().Should().Be(0);
        root.GetProperty("total_cost_usd").GetDecimal().Should().Be(rows.Sum(r => r.GetProperty("cost_usd").GetDecimal()));

        var table = await project.MustRunAsync("status");
        table.Out.Split('\n').Should().ContainSingle(l => l.StartsWith("SEQ01 ", StringComparison.Ordinal))
            .Which.Should().Contain("start_frame_approved").And.Contain($"${gridCost:0.00}");
    }

    [Fact]
    public async Task StatusJson_OneSequence_HasOneRow()
    {
        await using var project = await EmulatedProject.StartAsync();

        var result = await project.MustRunAsync("status", "SEQ04", "--json");

        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("sequences").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal("SEQ04");
    }

    [Fact]
    public async Task StatusJson_GridCallsAnsweredWithoutAnImage_ShowsWhatTheLedgerHolds()
    {
        await using var project = await EmulatedProject.StartAsync();
        project.Emulator.SetFaults("gemini:no-image@1,2,3,4,5,6,7,8");
        var grid = await project.RunAsync("grid", "SEQ01");
        var ledger = StateFiles.Executions(project.Dir).Select(p => p.Value!).Where(e => ((string)e["step_id"]!).StartsWith("SEQ01_", StringComparison.Ordinal)).Sum(e => (decimal)e["cost_usd"]!);

        var result = await project.MustRunAsync("status", "SEQ01", "--json");

        grid.ExitCode.Should().NotBe(0, "no image ever came back");
        StateFiles.Sequence(project.Dir, "SEQ01")["grids"]!.AsArray().Should().BeEmpty("no grid was drawn");
        ledger.Should().BePositive("an answer without an image may have been billed, and the ledger says so");
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("sequences")[0].GetProperty("cost_usd").GetDecimal().Should().Be(ledger);
        json.RootElement.GetProperty("total_cost_usd").GetDecimal().Should().Be(ledger);
    }
}
