using System.Text.Json.Nodes;
using StarSend.Imaging;

namespace StarSend.Emulator.Gemini;

/// <summary>
/// The emulator's answer to a start-frame analysis (a structured call with an image): derived from the image itself,
/// so a test can tell it from a canned answer. Dominant colours are counted from the pixels (nearest named colour,
/// most pixels first); one motion element is placed in each quadrant of the frame, busiest quadrant (luminance spread)
/// first, named after that quadrant's own dominant colour; time of day and lighting follow the mean luminance.
/// </summary>
internal static class GeminiAnalysis
{
    private static readonly (string Name, int R, int G, int B)[] Palette =
    [
        ("black", 20, 20, 20), ("white", 235, 235, 235), ("grey", 128, 128, 128), ("red", 200, 40, 40), ("orange", 230, 130, 30),
        ("yellow", 230, 210, 50), ("green", 50, 160, 60), ("teal", 30, 140, 140), ("blue", 40, 70, 200), ("purple", 120, 50, 170),
        ("pink", 230, 120, 170), ("brown", 120, 80, 40),
    ];

    private static readonly string[] Quadrants = ["top left", "top right", "bottom left", "bottom right"];
    private static readonly string[] Motions = ["drift", "sway", "flicker", "flow"];

    /// <summary>A schema-valid answer for the image; <paramref name="invalid"/> leaves out the motion elements (fault <c>schema-invalid</c>).</summary>
    public static string Answer(byte[] image, bool invalid)
    {
        var rgba = ImageCodec.Decode(image, "analysed image");
        var total = new int[Palette.Length];
        var perQuadrant = new int[4, Palette.Length];
        var lumSum = new double[4];
        var lumSq = new double[4];
        var count = new int[4];
        var step = Math.Max(1, Math.Min(rgba.Width, rgba.Height) / 128);
        for (var y = 0; y < rgba.Height; y += step)
        {
            var row = rgba.Row(y);
            for (var x = 0; x < rgba.Width; x += step)
            {
                int r = row[x * 4], g = row[(x * 4) + 1], b = row[(x * 4) + 2];
                var q = (y < rgba.Height / 2 ? 0 : 2) + (x < rgba.Width / 2 ? 0 : 1);
                var c = Nearest(r, g, b);
                total[c]++;
                perQuadrant[q, c]++;
                var lum = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
                lumSum[q] += lum;
                lumSq[q] += lum * lum;
                count[q]++;
            }
        }

        var colours = Enumerable.Range(0, Palette.Length).Where(i => total[i] > 0).OrderByDescending(i => total[i]).Take(4).Select(i => Palette[i].Name).ToList();
        var mean = lumSum.Sum() / Math.Max(1, count.Sum());
        double Spread(int q) => count[q] == 0 ? 0 : Math.Sqrt(Math.Max(0, (lumSq[q] / count[q]) - Math.Pow(lumSum[q] / count[q], 2)));
        string QuadrantColour(int q) => Palette[Enumerable.Range(0, Palette.Length).MaxBy(i => perQuadrant[q, i])].Name;
        var busiest = Enumerable.Range(0, 4).OrderByDescending(Spread).ToList();
        var motions = new JsonArray();
        for (var i = 0; i < busiest.Count; i++)
        {
            var q = busiest[i];
            motions.Add(new JsonObject { ["element"] = $"{QuadrantColour(q)} shapes", ["motion_type"] = Motions[i], ["location"] = Quadrants[q] });
        }

        var potential = new JsonArray();
        foreach (var q in busiest)
        {
            potential.Add($"{QuadrantColour(q)} shapes ({Quadrants[q]})");
        }

        potential.Add("light");
        potential.Add("camera");
        var answer = new JsonObject
        {
            ["environment"] = new JsonObject
            {
                ["setting"] = $"a {colours[0]} scene",
                ["time_of_day"] = mean < 80 ? "night" : mean < 150 ? "dusk" : "day",
                ["weather"] = "clear",
                ["location_type"] = "exterior",
                ["key_subjects"] = new JsonArray(busiest.Take(2).Select(q => (JsonNode)$"{QuadrantColour(q)} shapes").ToArray()),
                ["dominant_colors"] = new JsonArray(colours.Select(c => (JsonNode)c).ToArray()),
                ["atmosphere"] = mean < 80 ? "moody" : "bright",
                ["lighting"] = mean < 80 ? "low-key" : "high-key",
            },
            ["motion_elements"] = invalid ? new JsonArray() : motions,
            ["potential_moving_elements"] = potential,
        };
        return answer.ToJsonString();
    }

    private static int Nearest(int r, int g, int b)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < Palette.Length; i++)
        {
            var (_, pr, pg, pb) = Palette[i];
            var d = ((r - pr) * (r - pr)) + ((g - pg) * (g - pg)) + ((b - pb) * (b - pb));
            if (d < bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }

        return best;
    }
}
