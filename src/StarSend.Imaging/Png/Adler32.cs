namespace StarSend.Imaging.Png;

/// <summary>
/// The Adler-32 checksum that ends a zlib stream. ZLibStream checks it when it is there but says nothing when the
/// stream stops right before it, so the decoder checks it again.
/// </summary>
internal struct Adler32
{
    // Largest n such that 255n(n+1)/2 + (n+1)(65520) fits in 32 bits: sums can wait this long before the modulo.
    private const int MaxRun = 5552;
    private const uint Modulus = 65521;

    private uint _a;
    private uint _b;

    public Adler32()
    {
        _a = 1;
        _b = 0;
    }

    public readonly uint Value => (_b << 16) | _a;

    public void Append(ReadOnlySpan<byte> data)
    {
        uint a = _a, b = _b;
        while (data.Length > 0)
        {
            var run = Math.Min(data.Length, MaxRun);
            var chunk = data[..run];
            var i = 0;
            for (; i + 4 <= chunk.Length; i += 4)
            {
                a += chunk[i];
                b += a;
                a += chunk[i + 1];
                b += a;
                a += chunk[i + 2];
                b += a;
                a += chunk[i + 3];
                b += a;
            }

            for (; i < chunk.Length; i++)
            {
                a += chunk[i];
                b += a;
            }

            a %= Modulus;
            b %= Modulus;
            data = data[run..];
        }

        _a = a;
        _b = b;
    }
}
