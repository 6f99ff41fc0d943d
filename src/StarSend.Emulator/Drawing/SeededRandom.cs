using System.Security.Cryptography;
using System.Text;

namespace StarSend.Emulator.Drawing;

/// <summary>SplitMix64: a tiny reproducible generator, so the same prompt always draws the same picture.</summary>
internal sealed class SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public static ulong SeedFrom(string text) =>
        BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0);

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public double Between(double low, double high) => low + ((high - low) * NextDouble());

    public int Next(int maxExclusive) => (int)(NextULong() % (ulong)maxExclusive);
}
