using StarSend.Core.Steps;

namespace StarSend.Core.Tests.Steps;

/// <summary>A start frame or element image is uploaded once per content, across calls and runs, while fal keeps it.</summary>
public sealed class StepUploadTests
{
    [Fact]
    public async Task ExecuteVideo_ShotsSharingImages_UploadEachContentOnceAcrossCallsAndRuns()
    {
        await using var h = await StepHarness.StartAsync();
        var sequence = h.Plan.FindSequence("SEQ08")!;
        var start = h.WriteStartFrame("seq08.png", 8);
        var copy = Path.Combine(h.Paths.StartFramesDir, "seq08-copy.png");
        File.Copy(start, copy);
        var elements = h.Elements("singer", "lantern", "lighthouse");
        Task<StepResult> Shot(StepRunner steps, int index, string frame)
        {
            var shot = sequence.Shots[index];
            return steps.ExecuteVideo(
                $"SEQ08_{shot.Id}", StepHarness.RunId, frame, shot.Prompt, elements, shot.Duration, h.VideoPath($"SEQ08_{shot.Id}.mp4"), null, CancellationToken.None);
        }

        var run = h.Steps();
        await h.Clock.RunAsync(Task.WhenAll(Shot(run, 0, start), Shot(run, 1, start), Shot(run, 2, copy)));

        h.Requests("upload_initiate").Should().Be(4, "one start frame (two paths, one content) and three elements");
        h.Requests("upload_put").Should().Be(4);
        h.Stats.SubmitsAccepted.Should().Be(3);

        await h.Clock.RunAsync(Shot(h.Steps(), 3, start));
        h.Requests("upload_initiate").Should().Be(4, "the next run reuses the URLs kept in executions.json");
        h.ReadExecutions().Uploads.Should().HaveCount(4).And.ContainKey(await Fingerprint.OfFileAsync(start, CancellationToken.None));

        await h.Clock.RunAsync(Shot(h.Steps(), 4, h.WriteStartFrame("other.png", 9)));
        h.Requests("upload_initiate").Should().Be(5, "only the new start frame is uploaded");

        h.Fake.Advance(TimeSpan.FromHours(25));
        await h.Clock.RunAsync(Shot(h.Steps(), 5, start));
        h.Requests("upload_initiate").Should().Be(9, "after a day the inputs are uploaded again");
        h.Stats.SubmitsAccepted.Should().Be(6);
    }
}
