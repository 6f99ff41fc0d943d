using Microsoft.Win32.SafeHandles;

namespace StarSend.Imaging.Video;

/// <summary>
/// Walks the boxes at the top of an MP4 file, checking that each one fits in the file, and keeps the payloads
/// of ftyp and moov. mdat and other boxes are skipped, never read.
/// </summary>
internal sealed record TopLevelBoxes(ReadOnlyMemory<byte> Ftyp, ReadOnlyMemory<byte> Moov, bool HasMediaData, long FileLength)
{
    public const int MaxBoxes = 100_000;
    public const int MaxFtypBytes = 4096;
    public const int MaxMoovBytes = 128 * 1024 * 1024;

    public static TopLevelBoxes Read(SafeFileHandle file)
    {
        var length = RandomAccess.GetLength(file);
        if (length == 0)
        {
            throw new Mp4FormatException("the file is empty");
        }

        byte[]? ftyp = null;
        byte[]? moov = null;
        var hasMediaData = false;
        Span<byte> headerBytes = stackalloc byte[BoxHeader.MaxHeaderSize];
        long offset = 0;
        for (var count = 0; offset < length; count++)
        {
            if (count == MaxBoxes)
            {
                throw new Mp4FormatException($"more than {MaxBoxes} top-level boxes");
            }

            var read = RandomAccess.Read(file, headerBytes, offset);
            var box = BoxHeader.Parse(headerBytes[..read], offset, length - offset);
            if (count == 0 && box.Type != "ftyp")
            {
                throw new Mp4FormatException($"it starts with '{box.Type}' instead of 'ftyp'");
            }

            switch (box.Type)
            {
                case "ftyp" when ftyp is null:
                    ftyp = ReadPayload(file, box, MaxFtypBytes);
                    break;
                case "moov" when moov is null:
                    moov = ReadPayload(file, box, MaxMoovBytes);
                    break;
                case "moov":
                    throw new Mp4FormatException($"a second 'moov' at byte {offset}");
                case "mdat":
                    hasMediaData = true;
                    break;
                default:
                    break;
            }

            offset = box.End;
        }

        return new TopLevelBoxes(
            ftyp!,
            moov ?? throw new Mp4FormatException("no 'moov' box (movie header missing; the file may be incomplete)"),
            hasMediaData,
            length);
    }

    private static byte[] ReadPayload(SafeFileHandle file, BoxHeader box, int maxBytes)
    {
        if (box.PayloadSize > maxBytes)
        {
            throw new Mp4FormatException($"'{box.Type}' is {box.PayloadSize} bytes, over the {maxBytes}-byte limit");
        }

        var payload = new byte[box.PayloadSize];
        var done = 0;
        while (done < payload.Length)
        {
            var read = RandomAccess.Read(file, payload.AsSpan(done), box.PayloadOffset + done);
            if (read == 0)
            {
                throw new Mp4FormatException($"'{box.Type}' could not be read in full (the file shrank while reading)");
            }

            done += read;
        }

        return payload;
    }
}
