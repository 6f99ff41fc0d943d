using StarSend.Imaging.Video;
using StarSend.Testing;

namespace StarSend.Imaging.Tests.Video;

public sealed class Mp4InspectorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Inspect_Version0Headers_ReturnsDurationSizeAndBrand()
    {
        var spec = new Mp4Spec { Timescale = 600, Duration = 4500, Brand = "mp42" };

        var info = Mp4Inspector.Inspect(Save(spec.Build()));

        info.Should().Be(new Mp4Info(4500 / 600.0, 640, 360, "mp42"));
    }

    [Fact]
    public void Inspect_MvhdVersion1_Reads64BitDuration()
    {
        var duration = (1UL << 33) + 12_345;
        var spec = new Mp4Spec { MvhdVersion = 1, Timescale = 90_000, Duration = duration };

        var info = Mp4Inspector.Inspect(Save(spec.Build()));

        info.DurationS.Should().Be((double)duration / 90_000);
    }

    [Fact]
    public void Inspect_TkhdVersion1_ReadsSize()
    {
        var spec = new Mp4Spec { TkhdVersion = 1, WidthFixed = 1280u << 16, HeightFixed = 720u << 16 };

        var info = Mp4Inspector.Inspect(Save(spec.Build()));

        (info.Width, info.Height).Should().Be((1280, 720));
    }

    [Fact]
    public void Inspect_FractionalFixedPointSize_RoundsToPixels()
    {
        var spec = new Mp4Spec { WidthFixed = (853u << 16) + 0xC000, HeightFixed = (480u << 16) + 0x1000 };

        var info = Mp4Inspector.Inspect(Save(spec.Build()));

        (info.Width, info.Height).Should().Be((854, 480));
    }

    [Theory]
    [InlineData(MdatSize.Large, false, false)]
    [InlineData(MdatSize.ToEndOfFile, false, false)]
    [InlineData(MdatSize.Normal, true, false)]
    [InlineData(MdatSize.Normal, false, true)]
    public void Inspect_OtherValidLayouts_Accepted(MdatSize mdatSize, bool constantSampleSize, bool co64)
    {
        var spec = new Mp4Spec { MdatSize = mdatSize, ConstantSampleSize = constantSampleSize, Co64 = co64 };

        var info = Mp4Inspector.Inspect(Save(spec.Build()));

        info.DurationS.Should().Be(5);
    }

    [Theory]
    [InlineData(MdatSize.Normal, "*'mdat'*truncated*")]
    [InlineData(MdatSize.Large, "*'mdat'*truncated*")]
    [InlineData(MdatSize.ToEndOfFile, "*samples run to byte*truncated*")]
    public void Inspect_MdatCutShort_Throws(MdatSize mdatSize, string message)
    {
        var bytes = new Mp4Spec { MdatSize = mdatSize }.Build();

        var act = () => Mp4Inspector.Inspect(Save(bytes[..^10]));

        act.Should().Throw<ImagingException>().WithMessage(message);
    }

    [Fact]
    public void Inspect_EveryPrefixOfAValidFile_Throws()
    {
        var bytes = new Mp4Spec { SampleCount = 2, SampleSize = 8 }.Build();
        var path = _temp.Combine("prefix.mp4");
        Mp4Inspector.Inspect(Save(bytes, "whole.mp4")).DurationS.Should().Be(5);

        for (var length = 0; length < bytes.Length; length++)
        {
            File.WriteAllBytes(path, bytes[..length]);

            var act = () => Mp4Inspector.Inspect(path);

            act.Should().Throw<ImagingException>($"a file cut at byte {length} of {bytes.Length} is incomplete");
        }
    }

    [Fact]
    public void Inspect_LargeSizePastEndOfFile_Throws()
    {
        var bytes = new Mp4Spec().Build();
        byte[] huge = [.. Mp4Bytes.U32(1), .. Mp4Bytes.Ascii("free"), .. Mp4Bytes.U64(ulong.MaxValue)];

        var act = () => Mp4Inspector.Inspect(Save([.. bytes, .. huge]));

        act.Should().Throw<ImagingException>().WithMessage("*'free'*truncated*");
    }

    [Fact]
    public void Inspect_BoxSmallerThanItsHeader_Throws()
    {
        var bytes = new Mp4Spec().Build();
        byte[] bad = [.. Mp4Bytes.U32(4), .. Mp4Bytes.Ascii("free")];

        var act = () => Mp4Inspector.Inspect(Save([.. bytes, .. bad]));

        act.Should().Throw<ImagingException>().WithMessage("*less than its own header*");
    }

    [Fact]
    public void Inspect_FirstBoxNotFtyp_Throws()
    {
        var bytes = new Mp4Spec().Build();

        var act = () => Mp4Inspector.Inspect(Save([.. Mp4Bytes.Box("free", Mp4Bytes.Zeros(4)), .. bytes]));

        act.Should().Throw<ImagingException>().WithMessage("*starts with 'free' instead of 'ftyp'*");
    }

    [Theory]
    [InlineData("moov", "*no 'moov'*")]
    [InlineData("mvhd", "*no movie header*")]
    [InlineData("mdat", "*no media data*")]
    [InlineData("vide", "*no video track*")]
    public void Inspect_PartMissing_Throws(string missing, string message)
    {
        var spec = new Mp4Spec
        {
            WithMoov = missing != "moov",
            WithMvhd = missing != "mvhd",
            WithMdat = missing != "mdat",
            Handler = missing == "vide" ? "soun" : "vide",
        };

        var act = () => Mp4Inspector.Inspect(Save(spec.Build()));

        act.Should().Throw<ImagingException>().WithMessage(message);
    }

    [Theory]
    [InlineData(1000u, 0UL, "*no duration*")]
    [InlineData(1000u, uint.MaxValue, "*no duration*")]
    [InlineData(0u, 5000UL, "*timescale of 0*")]
    public void Inspect_UnusableMovieHeader_Throws(uint timescale, ulong duration, string message)
    {
        var spec = new Mp4Spec { Timescale = timescale, Duration = duration };

        var act = () => Mp4Inspector.Inspect(Save(spec.Build()));

        act.Should().Throw<ImagingException>().WithMessage(message);
    }

    [Fact]
    public void Inspect_EmptyFile_Throws()
    {
        var act = () => Mp4Inspector.Inspect(Save([]));

        act.Should().Throw<ImagingException>().WithMessage("*empty*");
    }

    [Fact]
    public void Inspect_MissingFile_ThrowsImagingException()
    {
        var act = () => Mp4Inspector.Inspect(_temp.Combine("nowhere.mp4"));

        act.Should().Throw<ImagingException>().WithMessage("*nowhere.mp4*");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Inspect_RandomBytes_ThrowsOneLineMessageNamingTheFile(int seed)
    {
        var bytes = new byte[4096];
        new Random(seed).NextBytes(bytes);
        var path = Save(bytes);

        var act = () => Mp4Inspector.Inspect(path);

        var message = act.Should().Throw<ImagingException>().Which.Message;
        message.Should().Contain(path).And.NotContainAny("\n", "\r");
    }

    [Fact]
    public void Inspect_CorruptedMoov_OnlyEverThrowsImagingException()
    {
        var bytes = new Mp4Spec().Build();
        var random = new Random(42);
        var path = _temp.Combine("corrupt.mp4");
        var rejected = 0;

        for (var attempt = 0; attempt < 300; attempt++)
        {
            var copy = (byte[])bytes.Clone();
            for (var flips = 0; flips < 3; flips++)
            {
                copy[random.Next(28, bytes.Length - 100)] = (byte)random.Next(256);
            }

            File.WriteAllBytes(path, copy);
            try
            {
                Mp4Inspector.Inspect(path);
            }
            catch (ImagingException ex)
            {
                ex.Message.Should().NotContainAny("\n", "\r");
                rejected++;
            }
        }

        rejected.Should().BeGreaterThan(0, "some corruptions break the structure");
    }

    private string Save(byte[] bytes, string name = "video.mp4")
    {
        var path = _temp.Combine(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
