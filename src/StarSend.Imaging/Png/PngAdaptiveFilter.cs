namespace StarSend.Imaging.Png;

/// <summary>Picks, per row, the filter with the lowest <see cref="PngRowFilter.Cost"/>.</summary>
internal sealed class PngAdaptiveFilter(int rowBytes)
{
    private readonly byte[] _scratch = new byte[rowBytes];

    public PngFilter Choose(ReadOnlySpan<byte> raw, ReadOnlySpan<byte> prior, int bpp)
    {
        var best = PngFilter.None;
        var bestCost = PngRowFilter.Cost(raw);
        for (var filter = PngFilter.Sub; filter <= PngFilter.Paeth; filter++)
        {
            PngRowFilter.Apply(filter, raw, prior, _scratch, bpp);
            var cost = PngRowFilter.Cost(_scratch);
            if (cost < bestCost)
            {
                best = filter;
                bestCost = cost;
            }
        }

        return best;
    }
}
