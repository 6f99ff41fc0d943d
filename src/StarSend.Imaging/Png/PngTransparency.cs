namespace StarSend.Imaging.Png;

/// <summary>What a tRNS chunk makes transparent: one grey or RGB sample value (at full bit depth), or palette alphas.</summary>
internal sealed record PngTransparency(int Gray, int Red, int Green, int Blue);
