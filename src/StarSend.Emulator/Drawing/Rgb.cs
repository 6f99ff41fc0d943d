namespace StarSend.Emulator.Drawing;

internal readonly record struct Rgb(byte R, byte G, byte B)
{
    public static Rgb White { get; } = new(255, 255, 255);

    /// <summary>From hue in degrees and saturation/value in 0..1.</summary>
    public static Rgb FromHsv(double hue, double saturation, double value)
    {
        hue = ((hue % 360) + 360) % 360;
        var c = value * saturation;
        var x = c * (1 - Math.Abs((hue / 60 % 2) - 1));
        var m = value - c;
        var (r, g, b) = (int)(hue / 60) switch
        {
            0 => (c, x, 0d),
            1 => (x, c, 0d),
            2 => (0d, c, x),
            3 => (0d, x, c),
            4 => (x, 0d, c),
            _ => (c, 0d, x),
        };
        return new Rgb(ToByte(r + m), ToByte(g + m), ToByte(b + m));
    }

    public static Rgb Mix(Rgb a, Rgb b, double t) =>
        new(ToByte(((a.R * (1 - t)) + (b.R * t)) / 255), ToByte(((a.G * (1 - t)) + (b.G * t)) / 255), ToByte(((a.B * (1 - t)) + (b.B * t)) / 255));

    private static byte ToByte(double unit) => (byte)Math.Clamp((int)Math.Round(unit * 255), 0, 255);
}
