using System.Buffers.Binary;
using System.Text;

namespace StarSend.Export.Timeline;

/// <summary>
/// Tells an audio file from anything else by its first bytes (RIFF/WAVE, FORM/AIFF, fLaC, ID3 or an MPEG frame sync,
/// OggS, an ISO BMFF <c>ftyp</c> with an M4A brand) and reads a WAV header's rate, channels and length.
/// </summary>
internal static class AudioSniffer
{
    /// <summary>What the bytes of <paramref name="file"/> say: (kind, sample rate, channels, seconds), or null when it is not audio.</summary>
    public static (string Kind, int SampleRate, int Channels, double? Seconds)? Sniff(string file)
    {
        var head = new byte[4096];
        int read;
        using (var stream = File.OpenRead(file))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        var bytes = head.AsSpan(0, read);
        if (bytes.Length >= 12 && Ascii(bytes, 0, 4) == "RIFF" && Ascii(bytes, 8, 4) == "WAVE")
        {
            return Wave(bytes);
        }

        if (bytes.Length >= 12 && Ascii(bytes, 0, 4) == "FORM" && Ascii(bytes, 8, 4) is "AIFF" or "AIFC")
        {
            return ("aiff", 48000, 2, null);
        }

        if (bytes.Length >= 4 && Ascii(bytes, 0, 4) == "fLaC")
        {
            return ("flac", 48000, 2, null);
        }

        if (bytes.Length >= 4 && Ascii(bytes, 0, 4) == "OggS")
        {
            return ("ogg", 48000, 2, null);
        }

        if ((bytes.Length >= 3 && Ascii(bytes, 0, 3) == "ID3") || (bytes.Length >= 2 && bytes[0] == 0xFF && (bytes[1] & 0xE0) == 0xE0))
        {
            return ("mp3", 48000, 2, null);
        }

        if (bytes.Length >= 12 && Ascii(bytes, 4, 4) == "ftyp" && Ascii(bytes, 8, 4) is "M4A " or "M4B ")
        {
            return ("m4a", 48000, 2, null);
        }

        return null;
    }

    private static (string, int, int, double?) Wave(ReadOnlySpan<byte> bytes)
    {
        int sampleRate = 48000, channels = 2, byteRate = 0;
        double? seconds = null;
        var at = 12;
        while (at + 8 <= bytes.Length)
        {
            var id = Ascii(bytes, at, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 4)..]);
            if (id == "fmt " && at + 24 <= bytes.Length)
            {
                channels = BinaryPrimitives.ReadUInt16LittleEndian(bytes[(at + 10)..]);
                sampleRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 12)..]);
                byteRate = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 16)..]);
            }
            else if (id == "data")
            {
                seconds = byteRate > 0 ? (double)size / byteRate : null;
                break;
            }

            at += 8 + (int)Math.Min(size + (size & 1), int.MaxValue - at - 8);
        }

        return ("wav", sampleRate, channels, seconds);
    }

    private static string Ascii(ReadOnlySpan<byte> bytes, int offset, int length) => Encoding.ASCII.GetString(bytes.Slice(offset, length));
}
