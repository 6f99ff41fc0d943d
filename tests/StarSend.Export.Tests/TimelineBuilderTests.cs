using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Export.Timeline;

namespace StarSend.Export.Tests;

public sealed class TimelineBuilderTests
{
    [Fact]
    public void Build_MixedStates_ClipsAtStartAndMarkedGapsCoverTheSong()
    {
        using var fixture = new EditFixture();

        var edit = TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "export-run");

        edit.Duration.Should().Be(960);
        edit.Items.Select(i => (i.Start, i.Duration)).Should().Equal((0, 240), (240, 240), (480, 96), (576, 120), (696, 24), (720, 144), (864, 96));
        edit.Items.Sum(i => i.Duration).Should().Be(edit.Duration);
        edit.Clips.Select(c => c.Name).Should().Equal("SEQ01 take 2", "SEQ03 take 1 shot01", "SEQ03 take 1 shot02");
        edit.Gaps.Select(g => g.Reason).Should().Equal(
            "SEQ02 not approved (review)", "SEQ03 take 1 ends early", "SEQ04 omitted", "no sequence planned");
        edit.Clips.ElementAt(1).Prompts.Should().Equal("d <e>");
        edit.Clips.First().Prompts.Should().Equal("a", "b");
        edit.Audio!.SampleRate.Should().Be(8000);
        edit.Audio.Duration.Should().Be(960);
    }

    [Fact]
    public void Build_PlanOmitField_LeavesSequenceOut()
    {
        using var fixture = new EditFixture();
        var plan = fixture.Plan with
        {
            Sequences = fixture.Plan.Sequences.Select(s => s.Id == "SEQ01"
                ? s with { Extra = new() { ["omit"] = System.Text.Json.JsonDocument.Parse("true").RootElement } }
                : s).ToList(),
        };

        var edit = TimelineBuilder.Build(plan, fixture.Sequences, new HashSet<string>(), fixture.Root, "r");

        edit.Items[0].Should().BeOfType<TimelineGap>().Which.Reason.Should().Be("SEQ01 omitted");
        edit.Clips.Select(c => c.SequenceId).Should().Contain("SEQ04");
    }

    [Fact]
    public void Build_TakeLongerThanItsWindow_TrimmedAtEndS()
    {
        using var fixture = new EditFixture();
        var seq01 = fixture.Sequences.Sequences["SEQ01"];
        var take = seq01.Takes[0] with { Files = [seq01.Takes[0].Files[0] with { DurationS = 12.5 }] };
        fixture.Sequences.Sequences["SEQ01"] = seq01 with { Takes = [take] };

        var edit = TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r");

        var clip = edit.Clips.First();
        (clip.Start, clip.Duration, clip.SourceDuration).Should().Be((0, 240, 300));
    }

    [Fact]
    public void Build_FinalSequence_MarkedFinal()
    {
        using var fixture = new EditFixture();
        fixture.Sequences.Sequences["SEQ01"] = fixture.Sequences.Sequences["SEQ01"] with { State = SequenceState.Final };

        var edit = TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r");

        edit.Clips.First().Status.Should().Be("final");
    }

    [Fact]
    public void Build_ApprovedFileMissing_BadInputNamingSequenceAndFile()
    {
        using var fixture = new EditFixture();
        File.Delete(Path.Combine(fixture.Root, "media", "videos", "r1_SEQ03_shot02_take01.mp4"));

        var act = () => TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r");

        act.Should().Throw<BadInputException>().WithMessage("SEQ03*r1_SEQ03_shot02_take01.mp4*");
    }

    [Fact]
    public void Build_SongAudioMissing_BadInputNamingTheField()
    {
        using var fixture = new EditFixture();
        File.Delete(Path.Combine(fixture.Root, "song.wav"));

        var act = () => TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r");

        act.Should().Throw<BadInputException>().WithMessage("client_plan.json $.song.audio: file 'song.wav' not found*");
    }

    [Fact]
    public void Build_SongAudioNotAudio_BadInput()
    {
        using var fixture = new EditFixture();
        File.WriteAllBytes(Path.Combine(fixture.Root, "song.wav"), [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 0, 0, 0, 0]);

        var act = () => TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r");

        act.Should().Throw<BadInputException>().WithMessage("*$.song.audio*is not an audio file*");
    }

    [Fact]
    public void Build_NoAudioInPlan_NoAudioTrack()
    {
        using var fixture = new EditFixture(audio: false);

        TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "r").Audio.Should().BeNull();
    }

    [Fact]
    public void OmittedSequences_AreThoseTheReviewLeftOut()
    {
        var sequences = System.Text.Json.JsonSerializer.Deserialize<SequencesDocument>(
            """{ "schema_version": 1, "sequences": { "SEQ01": { "id": "SEQ01", "omitted": true }, "SEQ02": { "id": "SEQ02" }, "SEQ03": { "id": "SEQ03", "omitted": false } } }""",
            StarSend.Core.Json.StarSendJson.Options)!;

        OmittedSequences.Of(sequences).Should().BeEquivalentTo(["SEQ01"]);
        OmittedSequences.Of(new SequencesDocument()).Should().BeEmpty();
    }
}
