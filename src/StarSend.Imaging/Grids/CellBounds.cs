namespace StarSend.Imaging.Grids;

/// <summary>A cell's rectangle in the grid image, in pixels.</summary>
internal readonly record struct CellBounds(int X, int Y, int Width, int Height);
