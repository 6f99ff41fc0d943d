using System.Text.Json;
using StarSend.Core.Json;
using StarSend.Core.Sequences;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Commands;

/// <summary>The review commands through the real CLI on a project made against the emulator; each test works on its own copy.</summary>
public sealed class ReviewCommandsTests(ReviewedProject project) : IClassFixture<ReviewedProject>
{
    [Fact]
    public async Task Omit_LeavesTheSequenceOutOfBatches_AndRefusesItByName_UntilRestored()
    {
        var dir = project.CopyProject("omit");

        var batch = await project.RunInAsync(dir, "generate", "--all", "--dry-run");
        var named = await project.RunInAsync(dir, "generate", "SEQ12", "--dry-run");
        var restore = await project.RunInAsync(dir, "restore", "SEQ12");
        var after = await project.RunInAsync(dir, "generate", "SEQ12", "--dry-run");

        batch.ExitCode.Should().Be(0, batch.ToString());
        batch.Out.Should().Contain("SEQ11").And.NotContain("SEQ12");
        named.ExitCode.Should().Be(3);
        named.ErrorLines.Should().ContainSingle().Which.Should().Be("Error: SEQ12 is omitted from the edit; 'starsend restore SEQ' puts a sequence back");
        restore.ExitCode.Should().Be(0);
        after.ExitCode.Should().Be(0, after.ToString());
        Read(dir).Sequences["SEQ12"].History.Select(e => e.Action).Should().Equal(ReviewAction.Omit, ReviewAction.Restore);
    }

    [Fact]
    public async Task ApproveUndo_TakesTheApprovalBack_AndStatusShowsTheHistory()
    {
        var dir = project.CopyProject("undo");

        var final = await project.RunInAsync(dir, "approve", "SEQ02", "--final");
        var refused = await project.RunInAsync(dir, "approve", "SEQ02", "--undo");
        var forced = await project.RunInAsync(dir, "approve", "SEQ02", "--undo", "--force");
        var retake = await project.RunInAsync(dir, "review", "SEQ02", "--take", "1", "--retake", "pier too short");
        var status = await project.RunInAsync(dir, "status", "SEQ02");

        final.ExitCode.Should().Be(0, final.ToString());
        refused.ExitCode.Should().Be(3);
        refused.Error.Should().Contain("--force");
        forced.ExitCode.Should().Be(0, forced.ToString());
        retake.ExitCode.Should().Be(0, retake.ToString());
        var record = Read(dir).Sequences["SEQ02"];
        record.State.Should().Be(SequenceState.Review);
        record.ApprovedTake.Should().BeNull();
        record.History.Select(e => e.Action).Should().Equal(ReviewAction.Approve, ReviewAction.Final, ReviewAction.UndoApprove, ReviewAction.Retake);
        record.History.Should().OnlyContain(e => e.Who == Environment.UserName && e.RunId.Length > 0);
        record.History.Select(e => e.RunId).Distinct().Should().HaveCount(4, "each command is its own run");
        status.Out.Should().Contain("take 1: retake: pier too short").And.Contain("undo_approve").And.Contain("pier too short");
    }

    [Fact]
    public async Task Import_OfABrokenFile_PrintsOneLinePerProblem_ExitsTwo_AndWritesNothing()
    {
        var dir = project.CopyProject("broken");
        var state = Path.Combine(dir, "state", "client", "sequences.json");
        var before = File.ReadAllBytes(state);
        var file = Path.Combine(dir, "decisions.json");
        File.WriteAllText(file, """
            {"format": "starsend-decisions", "version": 1, "project": "kestrel-bay", "decisions": [
              {"sequence": "SEQ01", "take": 1, "take_stamp": "feedfeedfeedfeed", "action": "approve"},
              {"sequence": "SEQ77", "take": 1, "take_stamp": "x", "action": "note", "text": "hi"}
            ]}
            """);

        var result = await project.RunInAsync(dir, "review", "import", file);
        File.WriteAllText(file, "{ \"format\": ");
        var malformed = await project.RunInAsync(dir, "review", "import", file);
        var named = await project.RunInAsync(dir, "review", "SEQ01", "import", file);

        result.ExitCode.Should().Be(2);
        result.ErrorLines.Should().Equal(
            "Error: decisions.json $.decisions[0].take_stamp: SEQ01 take 1 changed since the page was written; write the dailies again",
            "Error: decisions.json $.decisions[1].sequence: unknown sequence 'SEQ77'",
            "Error: decisions.json: nothing was applied");
        malformed.ExitCode.Should().Be(2);
        malformed.ErrorLines[0].Should().StartWith("Error: decisions.json $: not valid JSON");
        named.ExitCode.Should().Be(2, "a sequence id before import would be silently ignored otherwise");
        named.ErrorLines.Should().ContainSingle().Which.Should().Contain("review import takes no sequence id").And.Contain("'SEQ01'");
        File.ReadAllBytes(state).Should().Equal(before);
    }

    [Fact]
    public async Task Dailies_OutAndRunFilter_WriteLinksRelativeToTheOutFile()
    {
        var dir = project.CopyProject("filters");
        var runId = Read(dir).Sequences["SEQ01"].Takes.Single(t => t.Number == 2).RunId;

        var result = await project.RunInAsync(dir, "dailies", "--run", runId, "--out", "out/nested/only-run.html");
        var bad = await project.RunInAsync(dir, "dailies", "--since", "yesterday");
        var unknown = await project.RunInAsync(dir, "dailies", "SEQ99");

        result.ExitCode.Should().Be(0, result.ToString());
        var page = File.ReadAllText(Path.Combine(dir, "out", "nested", "only-run.html"));
        page.Should().Contain("id=\"take-SEQ01-2\"").And.NotContain("id=\"take-SEQ01-1\"").And.NotContain("id=\"take-SEQ02-1\"");
        page.Should().Contain("src=\"../../media/videos/");
        bad.ExitCode.Should().Be(2);
        bad.ErrorLines.Should().ContainSingle().Which.Should().StartWith("Error: --since 'yesterday' is not a date");
        unknown.ExitCode.Should().Be(2);
        unknown.ErrorLines.Should().ContainSingle().Which.Should().StartWith("Error: unknown sequence 'SEQ99'");
    }

    private static SequencesDocument Read(string dir) =>
        JsonSerializer.Deserialize<SequencesDocument>(File.ReadAllBytes(Path.Combine(dir, "state", "client", "sequences.json")), StarSendJson.Options)!;
}
