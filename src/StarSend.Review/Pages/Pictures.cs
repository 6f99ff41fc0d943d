using System.Globalization;
using StarSend.Core.Sequences;
using StarSend.Review.Pages.Views;

namespace StarSend.Review.Pages;

/// <summary>
/// Finds the grid and picked cell behind a start frame, for an outline drawn with CSS over the grid image (no image
/// is cropped or resized for the pages: they link the files the workflow wrote).
/// </summary>
internal static class Pictures
{
    /// <summary>The sequence's current pick over its grid; else its newest grid; else nothing.</summary>
    public static PictureView OfSequence(SequenceRecord record, PageLinks links)
    {
        if (record.StartFrame is { } pick)
        {
            return Of(record, pick, links);
        }

        var grid = record.Grids.LastOrDefault(g => g.File is not null);
        return grid is null ? PictureView.None : PictureView.None with { GridSrc = links.ToProjectFile(grid.File) };
    }

    /// <summary>The pick a take started from (matched by the start frame file it records).</summary>
    public static PictureView OfTake(SequenceRecord record, Take take, PageLinks links)
    {
        var pick = new[] { record.StartFrame }.Concat(record.ShotStartFrames.Values).OfType<StartFrame>().FirstOrDefault(f => f.File == take.StartFrame);
        return pick is not null ? Of(record, pick, links)
            : take.StartFrame is null ? PictureView.None
            : PictureView.None with { StartFrameSrc = links.ToProjectFile(take.StartFrame) };
    }

    private static PictureView Of(SequenceRecord record, StartFrame pick, PageLinks links)
    {
        var grid = record.Grids.FirstOrDefault(g => g.Number == pick.Grid && g.File is not null);
        return new PictureView(
            links.ToProjectFile(grid?.File),
            grid is null ? string.Empty : (pick.Col * 50).ToString(CultureInfo.InvariantCulture),
            grid is null ? string.Empty : (pick.Row * 50).ToString(CultureInfo.InvariantCulture),
            $"r{pick.Row}c{pick.Col}",
            links.ToProjectFile(pick.File));
    }
}
