namespace StarSend.Imaging.Grids;

/// <summary>
/// How clearly the picture changes across a candidate divider [start, end), measured separately on each half of its
/// length. Lines are averaged over blocks along their length; a block counts as "different" when the strips just
/// outside the divider differ by more than <see cref="MinContrast"/> and by more than twice the change between two
/// neighbouring strips on either side (so texture, noise and smooth gradients do not count, but a seam does).
/// </summary>
internal sealed class DividerContrast
{
    public const float MinContrast = 20;

    private readonly int _from;
    private readonly int _to;
    private readonly int _blocks;
    private readonly float[] _means;

    public DividerContrast(GridAxis axis, int from, int to)
    {
        Strip = Math.Max(2, axis.Lines / 256);
        Gap = Math.Max(1, axis.Lines / 512);
        var blockLength = Math.Max(8, axis.Length / 64);
        _blocks = axis.Length / blockLength;
        _from = Math.Max(0, from);
        _to = Math.Min(axis.Lines, to);
        _means = new float[Math.Max(0, _to - _from) * _blocks * 3];
        var pixels = axis.Image.Pixels;
        var length = _blocks * blockLength;
        if (axis.Columns)
        {
            for (var offset = 0; offset < length; offset++)
            {
                for (var position = _from; position < _to; position++)
                {
                    Add(pixels, axis.Index(position, offset), ((((position - _from) * _blocks) + (offset / blockLength)) * 3));
                }
            }
        }
        else
        {
            for (var position = _from; position < _to; position++)
            {
                for (var offset = 0; offset < length; offset++)
                {
                    Add(pixels, axis.Index(position, offset), ((((position - _from) * _blocks) + (offset / blockLength)) * 3));
                }
            }
        }

        for (var i = 0; i < _means.Length; i++)
        {
            _means[i] /= blockLength;
        }
    }

    public int Strip { get; }

    public int Gap { get; }

    /// <summary>Lines the measurement reads on each side beyond the divider itself.</summary>
    public int Reach => Gap + (2 * Strip);

    public (double First, double Second) Measure(int start, int end)
    {
        var left = start - Gap - Strip;
        var right = end + Gap;
        if (left - Strip < _from || right + (2 * Strip) > _to || _blocks < 2)
        {
            return (0, 0);
        }

        int first = 0, second = 0;
        for (var block = 0; block < _blocks; block++)
        {
            var inner = StripMean(left, block);
            var outer = StripMean(left - Strip, block);
            var across = StripMean(right, block);
            var beyond = StripMean(right + Strip, block);
            var contrast = inner.MaxDifference(across);
            var texture = Math.Max(inner.MaxDifference(outer), across.MaxDifference(beyond));
            if (contrast > MinContrast && contrast > 2 * texture)
            {
                if (block < _blocks / 2)
                {
                    first++;
                }
                else
                {
                    second++;
                }
            }
        }

        return (first / (double)(_blocks / 2), second / (double)(_blocks - (_blocks / 2)));
    }

    private void Add(byte[] pixels, int index, int mean)
    {
        _means[mean] += pixels[index];
        _means[mean + 1] += pixels[index + 1];
        _means[mean + 2] += pixels[index + 2];
    }

    private Rgb StripMean(int from, int block)
    {
        float r = 0, g = 0, b = 0;
        for (var position = from; position < from + Strip; position++)
        {
            var m = (((position - _from) * _blocks) + block) * 3;
            r += _means[m];
            g += _means[m + 1];
            b += _means[m + 2];
        }

        return new Rgb(r / Strip, g / Strip, b / Strip);
    }
}
