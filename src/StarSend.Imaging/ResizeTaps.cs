namespace StarSend.Imaging;

/// <summary>Per output pixel of one axis: the source pixels it reads and their weights (summing to 1).</summary>
internal sealed class ResizeTaps
{
    private readonly int[] _starts;
    private readonly int _stride;
    private readonly int[] _counts;
    private readonly float[] _weights;

    private ResizeTaps(int outputs, int stride)
    {
        _starts = new int[outputs];
        _counts = new int[outputs];
        _stride = stride;
        _weights = new float[outputs * stride];
    }

    public (int Start, int Count) Range(int output) => (_starts[output], _counts[output]);

    public float Weight(int output, int tap) => _weights[(output * _stride) + tap];

    public static ResizeTaps For(int source, int target) => target < source ? Area(source, target) : Bilinear(source, target);

    private static ResizeTaps Area(int source, int target)
    {
        var scale = source / (double)target;
        var taps = new ResizeTaps(target, (int)Math.Ceiling(scale) + 1);
        for (var i = 0; i < target; i++)
        {
            var from = i * scale;
            var to = Math.Min(source, (i + 1) * scale);
            var first = (int)from;
            var last = Math.Min(source - 1, (int)Math.Ceiling(to) - 1);
            taps._starts[i] = first;
            taps._counts[i] = last - first + 1;
            for (var j = first; j <= last; j++)
            {
                var overlap = Math.Min(to, j + 1) - Math.Max(from, j);
                taps._weights[(i * taps._stride) + j - first] = (float)(overlap / scale);
            }
        }

        return taps;
    }

    private static ResizeTaps Bilinear(int source, int target)
    {
        var scale = source / (double)target;
        var taps = new ResizeTaps(target, 2);
        for (var i = 0; i < target; i++)
        {
            var position = Math.Clamp(((i + 0.5) * scale) - 0.5, 0, source - 1);
            var first = Math.Min((int)position, source - 1);
            var fraction = (float)(position - first);
            taps._starts[i] = first;
            taps._counts[i] = first + 1 < source && fraction > 0 ? 2 : 1;
            taps._weights[i * 2] = taps._counts[i] == 2 ? 1 - fraction : 1;
            taps._weights[(i * 2) + 1] = fraction;
        }

        return taps;
    }
}
