
namespace StarSend.Imaging.Tests.Decoding;

/// <summary>
/// PngSuite's deliberately broken x*.png files are not in shared/data, so each is rebuilt here from the valid image
/// it was made from, with the same damage (see the PngSuite documentation for the names).
/// </summary>
public sealed class PngBrokenSuiteTests
{
    private static readonly Dictionary<string, (Func<byte[]> Build, string Reason)> Broken = new()
    {
        ["xs1n0g01"] = (() => Poke(Base("basn0g01"), 0, 0x09), "signature"),
        ["xs2n0g01"] = (() => Poke(Base("basn0g01"), 1, (byte)'Q'), "signature"),
        ["xs4n0g01"] = (() => Poke(Base("basn0g01"), 3, (byte)'g'), "signature"),
        ["xs7n0g01"] = (() => Poke(Base("basn0g01"), 6, 0x20), "signature"),
        ["xcrn0g04"] = (() => Replace(Base("basn0g04"), [0x0A], [0x0D, 0x0A]), "signature"),
        ["xlfn0g04"] = (() => Replace(Base("basn0g04"), [0x0D, 0x0A], [0x0A]), "signature"),
        ["xhdn0g08"] = (() => Poke(Base("basn0g08"), 8 + 8 + 13, 0), "CRC"),
        ["xc1n0g08"] = (() => Header(Base("basn0g08"), 9, 1), "colour type 1"),
        ["xc9n2c08"] = (() => Header(Base("basn2c08"), 9, 9), "colour type 9"),
        ["xd0n2c08"] = (() => Header(Base("basn2c08"), 8, 0), "bit depth 0"),
        ["xd3n2c08"] = (() => Header(Base("basn2c08"), 8, 3), "bit depth 3"),
        ["xd9n2c08"] = (() => Header(Base("basn2c08"), 8, 99), "bit depth 99"),
        ["xdtn0g01"] = (() => PngFile.Parse(Base("basn0g01")).Without("IDAT").ToBytes(), "no IDAT"),
        ["xcsn0g01"] = (() => CorruptIdatCrc(Base("basn0g01")), "'IDAT'"),
    };

    public static TheoryData<string> Names() => [.. Broken.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Decode_BrokenSuiteImage_ThrowsImagingException(string name)
    {
        var (build, reason) = Broken[name];
        var data = build();

        var act = () => ImageCodec.Decode(data, "broken.png");

        act.Should().Throw<ImagingException>($"PngSuite's {name} is broken: {reason}")
            .Which.Message.Should().StartWith("broken.png: ").And.NotContain("\n");
    }

    private static byte[] Base(string name) => File.ReadAllBytes(Path.Combine(TestData.SharedData, "pngsuite", name + ".png"));

    private static byte[] Poke(byte[] data, int index, byte value)
    {
        data[index] = data[index] == value ? (byte)~value : value;
        return data;
    }

    private static byte[] Header(byte[] data, int index, byte value)
    {
        var file = PngFile.Parse(data);
        file.Body("IHDR")[index] = value;
        return file.ToBytes();
    }

    private static byte[] CorruptIdatCrc(byte[] data)
    {
        var file = PngFile.Parse(data);
        var idatEnd = 8 + file.Chunks.TakeWhile(c => c.Type != "IDAT").Sum(c => c.Body.Length + 12) + 8 + file.Body("IDAT").Length;
        data[idatEnd] ^= 0x01;
        return data;
    }

    private static byte[] Replace(byte[] data, byte[] from, byte[] to)
    {
        var output = new List<byte>(data.Length + 16);
        for (var i = 0; i < data.Length; i++)
        {
            if (data.AsSpan(i).StartsWith(from))
            {
                output.AddRange(to);
                i += from.Length - 1;
            }
            else
            {
                output.Add(data[i]);
            }
        }

        return [.. output];
    }
}
