namespace StarSend.Review.Pages.Views;

/// <summary>
/// A grid image with the picked cell outlined by CSS (<see cref="CellLeft"/>/<see cref="CellTop"/> in percent of the
/// grid; empty when nothing is picked), and the start frame; URLs are relative to the page, empty when absent.
/// </summary>
public sealed record PictureView(string GridSrc, string CellLeft, string CellTop, string CellName, string StartFrameSrc)
{
    public static PictureView None { get; } = new(string.Empty, string.Empty, string.Empty, string.Empty, string.Empty);

    public bool HasCell => CellLeft.Length > 0;
}
