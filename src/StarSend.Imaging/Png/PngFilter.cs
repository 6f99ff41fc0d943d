namespace StarSend.Imaging.Png;

/// <summary>How the encoder filters rows before compressing them (PNG filter types, or a per-row choice).</summary>
public enum PngFilter
{
    None = 0,
    Sub = 1,
    Up = 2,
    Average = 3,
    Paeth = 4,

    /// <summary>Per row, the filter whose output has the smallest sum of absolute values (the libpng heuristic).</summary>
    Adaptive = 5,
}
