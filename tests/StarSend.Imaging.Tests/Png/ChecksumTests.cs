using StarSend.Imaging.Png;

namespace StarSend.Imaging.Tests.Png;

public sealed class ChecksumTests
{
    [Fact]
    public void Crc32_CheckString_MatchesTheStandardValue()
    {
        Crc32.Compute("123456789"u8).Should().Be(0xCBF43926);
    }

    [Fact]
    public void Crc32_InPieces_EqualsInOneGo()
    {
        var data = new byte[1000];
        new Random(1).NextBytes(data);

        Crc32.Append(Crc32.Compute(data.AsSpan(0, 333)), data.AsSpan(333)).Should().Be(Crc32.Compute(data));
    }

    [Fact]
    public void Adler32_Wikipedia_MatchesTheStandardValue()
    {
        var adler = new Adler32();

        adler.Append("Wikipedia"u8);

        adler.Value.Should().Be(0x11E60398);
    }

    [Fact]
    public void Adler32_LongRunOfMaximumBytes_StaysExact()
    {
        var data = Enumerable.Repeat((byte)255, 100_000).ToArray();
        uint a = 1, b = 0;
        foreach (var x in data)
        {
            a = (a + x) % 65521;
            b = (b + a) % 65521;
        }

        var adler = new Adler32();
        adler.Append(data);

        adler.Value.Should().Be((b << 16) | a);
    }
}
