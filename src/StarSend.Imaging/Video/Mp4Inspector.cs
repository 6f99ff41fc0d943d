namespace StarSend.Imaging.Video;

/// <summary>Checks an MP4's structure: <c>ftyp</c> first, a <c>moov</c> with <c>mvhd</c>, and reads its duration.</summary>
public static class Mp4Inspector
{
    /// <summary>Throws <see cref="ImagingException"/> when the file is not a complete MP4.</summary>
    public static Mp4Info Inspect(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            return Inspect(TopLevelBoxes.Read(file));
        }
        catch (Mp4FormatException ex)
        {
            throw new ImagingException($"{path} is not a complete MP4: {ex.Message}.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImagingException($"{path} could not be read: {ex.Message}", ex);
        }
    }

    private static Mp4Info Inspect(TopLevelBoxes boxes)
    {
        var ftyp = boxes.Ftyp.Span;
        BoxFields.Need(ftyp, 0, 8, "ftyp");
        var majorBrand = BoxHeader.TypeName(ftyp[..4]);
        var movie = MovieBox.Parse(boxes.Moov);
        if (!boxes.HasMediaData)
        {
            throw new Mp4FormatException("no media data ('mdat')");
        }

        var video = movie.Tracks.FirstOrDefault(t => t.IsVideo) ?? throw new Mp4FormatException("no video track");
        foreach (var track in movie.Tracks)
        {
            if (track.SampleDataEnd > (ulong)boxes.FileLength)
            {
                throw new Mp4FormatException(
                    $"the '{track.Handler}' track's samples run to byte {track.SampleDataEnd} but the file ends at {boxes.FileLength} (truncated)");
            }
        }

        return new Mp4Info(movie.DurationS, video.Width, video.Height, majorBrand);
    }
}
