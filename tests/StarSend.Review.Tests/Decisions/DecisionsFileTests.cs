using System.Text;
using System.Text.Json;
using StarSend.Core.Sequences;
using StarSend.Review.Decisions;
using StarSend.Review.ReadModel;
using StarSend.Review.Tests.Support;

namespace StarSend.Review.Tests.Decisions;

public sealed class DecisionsFileTests
{
    private static readonly StarSend.Core.Plans.ClientPlan Plan = SyntheticProject.Plan();
    private static readonly SequencesDocument State = SyntheticProject.State(Plan);

    private static string Stamp(string seq, int take) => TakeStamp.Of(State.Sequences[seq].Takes.Single(t => t.Number == take));

    private static byte[] File(params object[] decisions) => JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object?>
    {
        ["format"] = "starsend-decisions", ["version"] = 1, ["project"] = "synthetic", ["reviewer"] = "Jo", ["decisions"] = decisions,
    });

    [Fact]
    public void AGoodFile_GivesEveryDecisionInOrder()
    {
        var (decisions, reviewer) = DecisionsFile.Check("decisions.json", File(
            new { sequence = "SEQ01", take = 2, take_stamp = Stamp("SEQ01", 2), action = "approve" },
            new { sequence = "SEQ01", take = 1, take_stamp = Stamp("SEQ01", 1), action = "retake", reason = "too dark" },
            new { sequence = "SEQ02", take = 3, take_stamp = Stamp("SEQ02", 3), action = "note", text = "<b>nice</b>" },
            new { sequence = "SEQ03", take = 1, take_stamp = Stamp("SEQ03", 1), action = "hold" }), Plan, State);

        reviewer.Should().Be("Jo");
        decisions.Should().Equal(
            ("SEQ01", new ReviewDecision(ReviewAction.Approve, 2)),
            ("SEQ01", new ReviewDecision(ReviewAction.Retake, 1, "too dark")),
            ("SEQ02", new ReviewDecision(ReviewAction.Note, 3, "<b>nice</b>")),
            ("SEQ03", new ReviewDecision(ReviewAction.Hold, 1)));
    }

    [Fact]
    public void EveryProblem_IsListedWithItsJsonPath()
    {
        var check = () => DecisionsFile.Check("decisions.json", File(
            new { sequence = "SEQ99", take = 1, take_stamp = "x", action = "approve" },
            new { sequence = "SEQ01", take = 7, take_stamp = "x", action = "approve" },
            new { sequence = "SEQ01", take = 1, take_stamp = "0000000000000000", action = "approve" },
            new { sequence = "SEQ02", take = 1, take_stamp = Stamp("SEQ02", 1), action = "retake" },
            new { sequence = "SEQ02", take = 1, take_stamp = Stamp("SEQ02", 1), action = "ship" },
            new { sequence = "SEQ03", take = 1, take_stamp = Stamp("SEQ03", 1), action = "approve" },
            new { sequence = "SEQ03", take = 2, take_stamp = Stamp("SEQ03", 2), action = "approve" }), Plan, State);

        check.Should().Throw<DecisionsInvalidException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "$.decisions[0].sequence: unknown sequence 'SEQ99'",
            "$.decisions[1].take: SEQ01 has no take 7",
            "$.decisions[2].take_stamp: SEQ01 take 1 changed since the page was written; write the dailies again",
            "$.decisions[3].reason: must be a non-empty string",
            "$.decisions[4].action: 'ship' is not one of approve, retake, hold, note",
            "$.decisions[6]: SEQ03 is in approved: approve --take needs review; legal now: approve --final");
    }

    [Theory]
    [InlineData("{\"format\": \"starsend-decisions\", ", "$: not valid JSON")]
    [InlineData("[]", "$: must be an object")]
    [InlineData("{\"format\": \"x\", \"version\": 1, \"project\": \"synthetic\", \"decisions\": []}", "$.format: must be")]
    [InlineData("{\"format\": \"starsend-decisions\", \"version\": 1, \"project\": \"other\", \"decisions\": []}", "$.project: must be \"synthetic\"")]
    [InlineData("{\"format\": \"starsend-decisions\", \"version\": 1, \"project\": \"synthetic\"}", "$.decisions: must be an array")]
    public void ABrokenFile_IsOneLineWithItsPath(string json, string expected)
    {
        var check = () => DecisionsFile.Check("decisions.json", Encoding.UTF8.GetBytes(json), Plan, State);

        check.Should().Throw<DecisionsInvalidException>().Which.Problems.Should().ContainSingle().Which.ToString().Should().StartWith(expected);
    }
}
