namespace StarSend.Imaging.Grids;

/// <summary>Puts four images into one 2x2 grid with gutters: the fallback when the model will not draw a grid.</summary>
public static class GridCompositor
{
    public static RgbaImage Compose(IReadOnlyList<RgbaImage> four, int cellWidth, int cellHeight, int gutter = 8) => throw new NotImplementedException();
}
