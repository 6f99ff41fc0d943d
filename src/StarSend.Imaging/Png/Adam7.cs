namespace StarSend.Imaging.Png;

/// <summary>The seven passes of Adam7 interlacing: where each pass starts and how far apart its pixels are.</summary>
internal readonly record struct Adam7(int X0, int Y0, int Dx, int Dy)
{
    public static IReadOnlyList<Adam7> Passes { get; } =
    [
        new(0, 0, 8, 8),
        new(4, 0, 8, 8),
        new(0, 4, 4, 8),
        new(2, 0, 4, 4),
        new(0, 2, 2, 4),
        new(1, 0, 2, 2),
        new(0, 1, 1, 2),
    ];

    public (int Width, int Height) Size(int width, int height) =>
        ((width - X0 + Dx - 1) / Dx, (height - Y0 + Dy - 1) / Dy);
}
