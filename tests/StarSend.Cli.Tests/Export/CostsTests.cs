using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Plans;
using StarSend.Testing;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary><c>starsend costs</c> and <c>prices</c> on the finished demo.</summary>
public sealed class CostsTests(DemoProjectFixture demo) : IClassFixture<DemoProjectFixture>
{
    [Fact]
    public async Task Costs_BySection_EachSectionIsTheSumOfItsSequencesGridsAndTakes()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);

        var result = await CliRun.RunAsync(dir, "--json", "costs", "--by", "section");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("spent_usd").GetDecimal());
        var plan = PlanLoader.Load(dir).Plan;
        var sequences = await StarSend.Cli.Tests.EndToEnd.ProjectState.SequencesAsync(dir);
        var expected = plan.Sequences.GroupBy(s => s.Section).ToDictionary(g => g.Key, g => g.Sum(s => sequences.Sequences[s.Id].CostUsd));
        rows.Should().BeEquivalentTo(expected);
        json.RootElement.GetProperty("spent_usd").GetDecimal().Should().Be(sequences.Sequences.Values.Sum(s => s.CostUsd));
    }

    [Fact]
    public async Task Costs_MayBeChargedAndLost_CountedAsSpentInTheirOwnColumns()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        var file = Path.Combine(dir, "state", "executions.json");
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var executions = doc["executions"]!.AsObject();
        var template = executions["SEQ01#1"]!.DeepClone();
        template["id"] = "SEQ01#2";
        template["attempt"] = 2;
        template["status"] = "may_be_charged";
        template["cost_usd"] = 1.5m;
        executions["SEQ01#2"] = template;
        var lost = template.DeepClone();
        lost["id"] = "SEQ01#3";
        lost["status"] = "paid_result_lost";
        lost["cost_usd"] = 2m;
        lost["reported_cost"] = new JsonObject { ["amount"] = 1.75m, ["unit"] = "DOLLARS" };
        executions["SEQ01#3"] = lost;
        await File.WriteAllTextAsync(file, doc.ToJsonString());

        var result = await CliRun.RunAsync(dir, "costs", "--by", "take", "--csv");

        result.ExitCode.Should().Be(0, result.Error);
        var line = result.Out.Split('\n').Single(l => l.StartsWith("SEQ01 unrecorded,", StringComparison.Ordinal));
        line.Should().Be("SEQ01 unrecorded,2,3.5,1.75,0,1.5,1.75,0,3.25");
    }

    [Fact]
    public async Task Costs_CallJournalledButNotYetSaved_CountedInFlight()
    {
        // A crash after fal accepted a job and its request id reached the submission journal, before executions.json
        // was updated: the intent still reads "intent" in the file, but the call is paid for.
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        var file = Path.Combine(dir, "state", "executions.json");
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        var intent = doc["executions"]!["SEQ01#1"]!.DeepClone();
        intent["id"] = "SEQ01#9";
        intent["attempt"] = 9;
        intent["status"] = "intent";
        intent["cost_usd"] = 1.25m;
        foreach (var field in new[] { "request_id", "status_url", "response_url", "cancel_url", "result_url", "result_bytes", "reported_cost", "provider_cost_usd", "finished_at" })
        {
            intent.AsObject().Remove(field);
        }

        intent["outputs"] = new JsonArray();
        doc["executions"]!["SEQ01#9"] = intent;
        await File.WriteAllTextAsync(file, doc.ToJsonString());
        var before = await CliRun.RunAsync(dir, "--json", "costs", "--by", "take");
        Directory.CreateDirectory(Path.Combine(dir, "state", "journal"));
        await File.WriteAllTextAsync(Path.Combine(dir, "state", "journal", "SEQ01.9.json"), """
            { "execution_id": "SEQ01#9", "request_id": "req-journalled", "status_url": "http://127.0.0.1:9/s", "response_url": "http://127.0.0.1:9/r", "cancel_url": "http://127.0.0.1:9/c", "submitted_at": "2026-11-29T12:00:00+00:00" }
            """);

        var after = await CliRun.RunAsync(dir, "--json", "costs", "--by", "take");

        before.ExitCode.Should().Be(0, before.Error);
        after.ExitCode.Should().Be(0, after.Error);
        static decimal Spent(string json) => JsonDocument.Parse(json).RootElement.GetProperty("spent_usd").GetDecimal();
        Spent(after.Out).Should().Be(Spent(before.Out) + 1.25m, "the journalled call is paid for even though executions.json does not say so yet");
        using var rows = JsonDocument.Parse(after.Out);
        rows.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == "SEQ01 unrecorded")
            .GetProperty("in_flight_usd").GetDecimal().Should().Be(1.25m);
    }

    [Fact]
    public async Task Prices_OldTable_DatedAndFlaggedStale()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await File.WriteAllTextAsync(Path.Combine(dir, "starsend.json"), """{ "prices_checked_on": "2026-01-05", "image_prices": { "gemini-3.1-flash-image-preview": 0.07 } }""");

        var result = await CliRun.RunAsync(dir, "--json", "prices");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        json.RootElement.GetProperty("checked_on").GetString().Should().Be("2026-01-05");
        json.RootElement.GetProperty("stale").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("prices").EnumerateArray().Should().Contain(p =>
            p.GetProperty("model").GetString() == "gemini-3.1-flash-image-preview" && p.GetProperty("usd").GetDecimal() == 0.07m && p.GetProperty("source").GetString() == "starsend.json");
        json.RootElement.GetProperty("prices").EnumerateArray().Should().Contain(p =>
            p.GetProperty("model").GetString() == "leonardo:veo-3.1-generate-001" && p.GetProperty("usd").GetDecimal() == 0.40m && p.GetProperty("source").GetString() == "built-in (unconfirmed)",
            "the demo's SEQ10 runs on Leonardo's Veo 3.1, so its price must be in the table, marked as not confirmed by the provider");
        json.RootElement.GetProperty("prices").EnumerateArray().Should().Contain(p =>
            p.GetProperty("model").GetString() == "gemini-3.8-flash" && p.GetProperty("unit").GetString() == "per million output tokens" && p.GetProperty("usd").GetDecimal() == 3.75m,
            "analyze and --feedback are paid calls too");
    }

    [Fact]
    public async Task Prices_BadDate_Exit2NamingTheField()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        await File.WriteAllTextAsync(Path.Combine(dir, "starsend.json"), """{ "prices_checked_on": "last week" }""");

        var result = await CliRun.RunAsync(dir, "prices");

        result.ExitCode.Should().Be(2);
        result.Error.Should().Contain("$.prices_checked_on");
    }

    [Fact]
    public async Task Costs_TruncatedExecutionsFile_OneLineNamingTheFile_NoStackTrace()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        var executions = Directory.GetFiles(Path.Combine(dir, "state"), "executions.json", SearchOption.AllDirectories).Single();
        var bytes = await File.ReadAllBytesAsync(executions);
        await File.WriteAllBytesAsync(executions, bytes[..(bytes.Length / 2)]);

        var result = await CliRun.RunAsync(dir, "costs");

        result.ExitCode.Should().Be(1);
        result.Error.Trim().Split('\n').Should().ContainSingle().Which.Should().Contain("executions.json is unreadable at line").And.NotContain("JsonReaderException").And.NotContain("unexpected");
    }
}
