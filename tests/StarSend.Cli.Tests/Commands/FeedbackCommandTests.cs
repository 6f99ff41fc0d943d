using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>generate SEQ --feedback TEXT</c> through the real CLI against the emulator: shown before anything else is paid, confirmed, the text call paid once.</summary>
public sealed class FeedbackCommandTests
{
    private const string Feedback = "slower camera, keep her face still";

    [Fact]
    public async Task Feedback_UnconfirmedThenDryRunThenYes_PaysTheTextCallOnceAndTheVideoOnlyAfterYes()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ05");
        await project.MustRunAsync("generate", "SEQ05", "--yes");

        var unconfirmed = await project.RunAsync("generate", "SEQ05", "--feedback", Feedback);
        unconfirmed.ShouldFailWith(ExitCodes.BadInput);
        unconfirmed.Error.Should().Contain("SEQ05: feedback \"slower camera, keep her face still\" on take 1 -> rewrite 1").And.Contain("paid now")
            .And.Contain($"shot03 (feedback): close on the singer singing the hook; {Feedback}").And.Contain("rationale: ");
        unconfirmed.ErrorMessages().Should().ContainSingle().Which.Should().Contain("re-run with --yes");

        var dry = await project.MustRunAsync("generate", "SEQ05", "--feedback", Feedback, "--dry-run");
        dry.Error.Should().Contain("paid earlier, not asked again");
        dry.Out.Should().Contain($"the singer releases the lantern, it rises; {Feedback}", "the dry run shows the video call with the rewritten prompts");

        var made = await project.MustRunAsync("generate", "SEQ05", "--feedback", Feedback, "--yes");
        made.Out.Should().Contain("take 2 ready");
        var stats = project.Emulator.GetStats();
        stats.StructuredAnswers.Should().Be(1, "the rewrite was paid once, then reused by the dry run and the take");
        stats.SubmitsAccepted.Should().Be(2);
        StateFiles.Sequence(project.Dir, "SEQ05")["takes"]![1]!["feedback"]!["text"]!.GetValue<string>().Should().Be(Feedback);
        (await project.MustRunAsync("status", "SEQ05")).Out.Should().Contain($"from feedback \"{Feedback}\" on take 1 (rewrite 1 by gemini-3.8-flash");

        var rerun = await project.MustRunAsync("generate", "SEQ05", "--feedback", Feedback, "--yes");
        rerun.Out.Should().Contain("already has take 2 made from this feedback");
        project.Emulator.GetStats().Should().BeEquivalentTo(stats, o => o.Including(s => s.StructuredAnswers).Including(s => s.SubmitsAccepted));
    }

    [Fact]
    public async Task Feedback_ProducerDeclinesThenAccepts_TheQuestionFollowsTheRewriteAndTheTextCallIsPaidOnce()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ05");
        await project.MustRunAsync("generate", "SEQ05", "--yes");
        var asked = new List<string>();

        var declined = await RunWithAnswerAsync(project, answer: false, asked);
        var accepted = await RunWithAnswerAsync(project, answer: true, asked);

        declined.ShouldFailWith(ExitCodes.BadInput);
        declined.ErrorMessages().Should().ContainSingle().Which.Should().Contain("not confirmed").And.Contain("is kept");
        asked.Should().Equal("SEQ05: generate a take with these prompts?", "SEQ05: generate a take with these prompts?");
        accepted.ShouldSucceed();
        accepted.Error.Should().Contain("paid earlier, not asked again");
        project.Emulator.GetStats().StructuredAnswers.Should().Be(1);
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(2, "take 1, then the accepted feedback take only");
    }

    private static async Task<CliResult> RunWithAnswerAsync(EmulatedProject project, bool answer, List<string> asked)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = project.Environment,
            CurrentDirectory = project.Dir,
            Confirm = question =>
            {
                error.ToString().Should().Contain("rationale: ", "the rewrite is shown before the question");
                asked.Add(question);
                return answer;
            },
        };
        var code = await StarSendApp.RunAsync(["generate", "SEQ05", "--feedback", Feedback], host);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Feedback_Refused_IsOneLineExit4AndNoVideoIsSent()
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ05");
        await project.MustRunAsync("generate", "SEQ05", "--yes");
        project.Emulator.SetFaults("gemini:safety");

        var refused = await project.RunAsync("generate", "SEQ05", "--feedback", Feedback, "--yes");

        refused.ShouldFailWith(ExitCodes.ProviderFailed);
        refused.Out.Should().Contain("SEQ05: the feedback rewrite was refused: Gemini gemini-3.8-flash refused to answer (finishReason SAFETY); nothing else was paid");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        StateFiles.State(project.Dir, "SEQ05").Should().Be("review");
    }

    [Theory]
    [InlineData("SEQ05", "--feedback", "x", "--prompt", "shot01=y")]
    [InlineData("SEQ05", "SEQ06", "--feedback", "x")]
    [InlineData("SEQ05", "--feedback", " ")]
    public async Task Feedback_BadCombinations_AreExit2WithNothingSent(params string[] args)
    {
        await using var project = await EmulatedProject.StartAsync();
        await project.GridAndPickAsync("SEQ05");
        await project.MustRunAsync("generate", "SEQ05", "--yes");
        var before = project.Emulator.GetStats();

        var result = await project.RunAsync(["generate", .. args, "--yes"]);

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().ContainSingle();
        project.Emulator.GetStats().StructuredAnswers.Should().Be(before.StructuredAnswers);
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(before.SubmitsAccepted);
    }
}
