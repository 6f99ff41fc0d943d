using StarSend.Export.Formats;
using StarSend.Export.Timeline;
using StarSend.Testing.Timelines;

namespace StarSend.Export.Tests;

/// <summary>Each writer's output read back by a checker that is not the writer: libxml2 (xmllint) for FCPXML, strict readers for OTIO and CMX 3600.</summary>
public sealed class TimelineFormatTests
{
    [Fact]
    public void Otio_ReadStrictly_SameClipsGapsAndSong()
    {
        using var fixture = new EditFixture();
        var edit = Build(fixture);

        var otio = OtioReader.Read(TimelineWriters.Write(edit, TimelineFormat.Otio));

        otio.Rate.Should().Be(24);
        var video = otio.Tracks["V1"];
        video.Select(i => (i.Schema, i.Start, i.Duration)).Should().Equal(edit.Items.Select(i => (i is TimelineClip ? "Clip.2" : "Gap.1", i.Start, i.Duration)));
        video[0].Name.Should().Be("SEQ01 take 2");
        video[0].Metadata.GetProperty("starsend").GetProperty("run_id").GetString().Should().Be("run-SEQ01");
        video[0].Metadata.GetProperty("starsend").GetProperty("take_cost_usd").GetDecimal().Should().Be(1.25m);
        video[2].Metadata.GetProperty("starsend").GetProperty("prompts")[0].GetString().Should().Be("d <e>");
        video[0].TargetUrl.Should().Be(new Uri(Path.Combine(fixture.Root, "media/videos/r1_SEQ01_take02.mp4")).AbsoluteUri);
        video[1].MarkerComments.Should().Equal("SEQ02 not approved (review)");
        otio.Tracks["A1"].Single().Duration.Should().Be(edit.Duration);
        otio.Metadata.GetProperty("starsend").GetProperty("export_run_id").GetString().Should().Be("export-run");
    }

    [XmllintFact]
    public void Fcpxml_ValidatedByXmllint_SpineMatchesTheEdit()
    {
        using var fixture = new EditFixture(fps: "23.976");
        var edit = Build(fixture);
        var file = Path.Combine(fixture.Root, "edit.fcpxml");
        File.WriteAllText(file, TimelineWriters.Write(edit, TimelineFormat.Fcpxml));

        FcpxmlChecker.Validate(file).Should().BeNull();
        var read = FcpxmlChecker.Read(file);

        (read.FrameNumerator, read.FrameDenominator).Should().Be((1001, 24000));
        read.Duration.Should().Be(edit.Duration);
        read.Spine.Select(i => (i.Kind, i.Offset, i.Duration)).Should().Equal(edit.Items.Select(i => (i is TimelineClip ? "asset-clip" : "gap", i.Start, i.Duration)));
        read.Spine[0].Metadata["com.starsend.take"].Should().Be("2");
        read.Spine[0].Connected.Should().ContainSingle().Which.Lane.Should().Be("-1");
        read.Spine[1].Markers.Should().Equal("GAP: SEQ02 not approved (review)");
        read.Spine[2].Name.Should().Be("SEQ03 take 1 shot01");
    }

    [XmllintFact]
    public void Fcpxml_ElementOutOfOrder_XmllintRejectsIt()
    {
        using var fixture = new EditFixture();
        var file = Path.Combine(fixture.Root, "edit.fcpxml");
        var text = TimelineWriters.Write(Build(fixture), TimelineFormat.Fcpxml);
        File.WriteAllText(file, text.Replace("<marker ", "<mark ", StringComparison.Ordinal));

        FcpxmlChecker.Validate(file).Should().NotBeNull().And.Contain("mark");
    }

    [Fact]
    public void Edl_ReadStrictly_EventsAtRecordTimesWithClipNames()
    {
        using var fixture = new EditFixture(fps: "25");
        var edit = Build(fixture);

        var edl = Cmx3600Reader.Read(TimelineWriters.Write(edit, TimelineFormat.Edl), 25);

        edl.DropFrame.Should().BeFalse();
        var video = edl.Events.Where(e => e.Channel == "V").ToList();
        video.Select(e => (e.RecordIn, e.RecordOut)).Should().Equal(edit.Clips.Select(c => (c.Start, c.End)));
        video.Select(e => e.ClipName).Should().Equal("SEQ01 take 2", "SEQ03 take 1 shot01", "SEQ03 take 1 shot02");
        video.Select(e => e.Reel).Should().Equal(["SEQ01T02", "03T01S01", "03T01S02"], "each source file has its own reel, so a conform by reel finds each shot file");
        video[0].Comments.Should().Contain(c => c.Contains("run run-SEQ01", StringComparison.Ordinal));
        edl.Events[^1].Channel.Should().Be("AA");
        (edl.Events[^1].RecordIn, edl.Events[^1].RecordOut).Should().Be((0, 1000));
        edl.Events.SelectMany(e => e.Comments).Concat(edl.HeaderComments).Should().Contain("GAP 00:00:10:00 00:00:20:00 SEQ02 not approved (review)");
    }

    [Fact]
    public void Edl_StrictReader_RejectsOverlapAndBadTimecode()
    {
        const string overlap = "TITLE: x\nFCM: NON-DROP FRAME\n001  AX       V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00\n002  AX       V     C        00:00:00:00 00:00:02:00 00:00:01:00 00:00:03:00\n";
        const string badFrame = "TITLE: x\nFCM: NON-DROP FRAME\n001  AX       V     C        00:00:00:00 00:00:02:24 00:00:00:00 00:00:02:24\n";

        FluentActions.Invoking(() => Cmx3600Reader.Read(overlap, 24)).Should().Throw<FormatException>().WithMessage("*overlaps*");
        FluentActions.Invoking(() => Cmx3600Reader.Read(badFrame, 24)).Should().Throw<FormatException>().WithMessage("*not valid at 24 fps*");
    }

    [Fact]
    public void Otio_StrictReader_RejectsFractionalFrame()
    {
        using var fixture = new EditFixture();
        var text = TimelineWriters.Write(Build(fixture), TimelineFormat.Otio).Replace("\"value\": 240.0", "\"value\": 240.5", StringComparison.Ordinal);

        FluentActions.Invoking(() => OtioReader.Read(text)).Should().Throw<FormatException>().WithMessage("*whole frame*");
    }

    private static EditTimeline Build(EditFixture fixture) =>
        TimelineBuilder.Build(fixture.Plan, fixture.Sequences, fixture.Omitted, fixture.Root, "export-run");
}
