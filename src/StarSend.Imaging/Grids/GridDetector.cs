namespace StarSend.Imaging.Grids;

public sealed record GridDetection(bool IsGrid, double Score, string Reason);

/// <summary>Decides whether an image is a 2x2 grid of four distinct panels or one picture.</summary>
public static class GridDetector
{
    public static GridDetection Detect(RgbaImage image) => throw new NotImplementedException();
}
