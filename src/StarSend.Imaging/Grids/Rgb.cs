namespace StarSend.Imaging.Grids;

internal readonly record struct Rgb(float R, float G, float B)
{
    public float MaxDifference(Rgb other) =>
        Math.Max(Math.Abs(R - other.R), Math.Max(Math.Abs(G - other.G), Math.Abs(B - other.B)));

    public override string ToString() => $"#{(int)R:X2}{(int)G:X2}{(int)B:X2}";
}
