using System.Text.Json;
using StarSend.Testing;
using CliRun = StarSend.Cli.Tests.Harness.Cli;

namespace StarSend.Cli.Tests.Export;

/// <summary><c>status --coverage</c> on the finished demo.</summary>
public sealed class CoverageTests(DemoProjectFixture demo) : IClassFixture<DemoProjectFixture>
{
    [Fact]
    public async Task Coverage_OmittedSequence_SectionShortAndGapWithTimecodes()
    {
        using var temp = new TempDirectory();
        var dir = demo.CopyTo(temp);
        ExportTimelineTests.MarkOmitted(dir, "SEQ03");

        var result = await CliRun.RunAsync(dir, "--json", "status", "--coverage");

        result.ExitCode.Should().Be(0, result.Error);
        using var json = JsonDocument.Parse(result.Out);
        var verse = json.RootElement.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("section").GetString() == "verse 1");
        (verse.GetProperty("planned_s").GetDouble(), verse.GetProperty("approved_s").GetDouble()).Should().Be((15, 15), "an omitted sequence is left out of coverage, as on the board; its 12 s are the gap below");
        var gap = json.RootElement.GetProperty("gaps").EnumerateArray().Single();
        (gap.GetProperty("start").GetString(), gap.GetProperty("end").GetString(), gap.GetProperty("reason").GetString()).Should().Be(("00:00:27:00", "00:00:39:00", "SEQ03 omitted"));
        var sequences = await StarSend.Cli.Tests.EndToEnd.ProjectState.SequencesAsync(dir);
        json.RootElement.GetProperty("spent_usd").GetDecimal().Should().Be(sequences.Sequences.Values.Sum(s => s.CostUsd), "an omitted sequence's spend still counts");
        json.RootElement.GetProperty("to_finish_usd").GetDecimal().Should().Be(0m, "an omitted sequence needs nothing more");
    }
}
