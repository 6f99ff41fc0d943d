using StarSend.Emulator.Media;
using StarSend.Imaging;
using StarSend.Imaging.Video;
using StarSend.Testing;

namespace StarSend.Emulator.Tests.Media;

public sealed class H264Mp4WriterTests : IDisposable
{
    private const string Stbl = "moov/trak/mdia/minf/stbl";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(15)]
    [InlineData(3 + 5 + 10)]
    public void Write_WholeSeconds_InspectorReadsExactDuration(int seconds)
    {
        var path = WriteFile(TestFrames.Blocks(320, 180), seconds);

        var info = Mp4Inspector.Inspect(path);

        info.DurationS.Should().Be(seconds);
        info.Width.Should().Be(320);
        info.Height.Should().Be(180);
        info.MajorBrand.Should().Be("isom");
    }

    [Theory]
    [InlineData(3, 24)]
    [InlineData(15, 24)]
    [InlineData(5, 30)]
    [InlineData(2.5, 24)]
    [InlineData(3.01, 24)]
    public void Write_Duration_EveryHeaderStatesItAndFramesAddUp(double seconds, int fps)
    {
        var mp4 = new Mp4TestReader(TestFrames.WriteMp4(TestFrames.Blocks(64, 32), seconds, fps));

        var movieSeconds = (double)mp4.U32("moov/mvhd", 12) / mp4.U32("moov/mvhd", 8);
        var trackSeconds = (double)mp4.U32("moov/trak/tkhd", 16) / mp4.U32("moov/mvhd", 8);
        var mediaSeconds = (double)mp4.U32("moov/trak/mdia/mdhd", 12) / mp4.U32("moov/trak/mdia/mdhd", 8);
        var frameCount = mp4.U32($"{Stbl}/stsz", 4);
        var sttsTicks = SttsTotal(mp4);

        movieSeconds.Should().Be(seconds);
        trackSeconds.Should().Be(seconds);
        mediaSeconds.Should().BeApproximately(seconds, 1e-12);
        sttsTicks.Should().Be(mp4.U32("moov/trak/mdia/mdhd", 12), "the samples' deltas add up to the media duration");
        frameCount.Should().Be((uint)Math.Ceiling((seconds * fps) - 1e-9));
        mp4.Samples().Should().HaveCount((int)frameCount);
    }

    [Theory]
    [InlineData(330, 190, 330, 190)]
    [InlineData(640, 360, 640, 360)]
    [InlineData(321, 181, 322, 182)]
    [InlineData(1, 1, 2, 2)]
    public void Write_FrameSize_InspectorReadsShownSize(int width, int height, int shownWidth, int shownHeight)
    {
        var path = WriteFile(TestFrames.Blocks(width, height), 3);

        var info = Mp4Inspector.Inspect(path);

        (info.Width, info.Height).Should().Be((shownWidth, shownHeight));
    }

    [Fact]
    public void Write_SameRequestTwice_SameBytes()
    {
        var frame = TestFrames.Blocks(96, 64);

        TestFrames.WriteMp4(frame, 5).Should().Equal(TestFrames.WriteMp4(frame, 5));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(3601)]
    public void Write_ImpossibleDuration_Throws(double seconds)
    {
        var act = () => TestFrames.WriteMp4(TestFrames.Blocks(32, 32), seconds);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Inspect_CutInsideMdat_Throws()
    {
        var bytes = TestFrames.WriteMp4(TestFrames.Blocks(320, 180), 5);
        var path = _temp.Combine("cut-mdat.mp4");
        File.WriteAllBytes(path, bytes[..(bytes.Length - 100)]);

        var act = () => Mp4Inspector.Inspect(path);

        act.Should().Throw<ImagingException>().WithMessage("*mdat*truncated*");
    }

    [Fact]
    public void Inspect_CutInsideMoov_Throws()
    {
        var bytes = TestFrames.WriteMp4(TestFrames.Blocks(320, 180), 5);
        var ftypSize = BoxSize(bytes, 0);
        var moovEnd = ftypSize + BoxSize(bytes, ftypSize);
        var path = _temp.Combine("cut-moov.mp4");
        File.WriteAllBytes(path, bytes[..(moovEnd - 50)]);

        var act = () => Mp4Inspector.Inspect(path);

        act.Should().Throw<ImagingException>().WithMessage("*moov*truncated*");
    }

    [Fact]
    public void Inspect_MoovRemoved_Throws()
    {
        var bytes = TestFrames.WriteMp4(TestFrames.Blocks(320, 180), 5);
        var ftypSize = BoxSize(bytes, 0);
        var moovSize = BoxSize(bytes, ftypSize);
        var path = _temp.Combine("no-moov.mp4");
        File.WriteAllBytes(path, [.. bytes[..ftypSize], .. bytes[(ftypSize + moovSize)..]]);

        var act = () => Mp4Inspector.Inspect(path);

        act.Should().Throw<ImagingException>().WithMessage("*no 'moov'*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Inspect_RandomBytes_Throws(int seed)
    {
        var bytes = new byte[10_000];
        new Random(seed).NextBytes(bytes);
        var path = _temp.Combine($"random-{seed}.mp4");
        File.WriteAllBytes(path, bytes);

        var act = () => Mp4Inspector.Inspect(path);

        act.Should().Throw<ImagingException>();
    }

    private static int BoxSize(byte[] file, int offset) =>
        (int)System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(offset));

    private static ulong SttsTotal(Mp4TestReader mp4)
    {
        var entries = mp4.U32($"{Stbl}/stts", 0);
        ulong total = 0;
        for (var i = 0; i < entries; i++)
        {
            total += (ulong)mp4.U32($"{Stbl}/stts", 4 + (i * 8)) * mp4.U32($"{Stbl}/stts", 8 + (i * 8));
        }

        return total;
    }

    private string WriteFile(RgbaImage frame, double seconds)
    {
        var path = _temp.Combine($"take-{Guid.NewGuid():N}.mp4");
        using (var stream = File.Create(path))
        {
            H264Mp4Writer.Write(frame, seconds, stream);
        }

        return path;
    }
}
