namespace StarSend.Core.Workflow;

/// <summary>
/// Named colours as an analysis writes them (<c>dominant_colors</c>: "teal", "deep amber", "warm gold"), each with an
/// sRGB value, for <see cref="CellRanking"/>'s colour closeness. A description is matched by its first word that names
/// a colour here ("deep teal" is teal); a description naming none is not scored.
/// </summary>
public static class ColourNames
{
    /// <summary>The table: name and sRGB (0–255). The first twelve are the emulator's palette, so its answers match.</summary>
    public static IReadOnlyList<(string Name, byte R, byte G, byte B)> All { get; } =
    [
        ("black", 20, 20, 20), ("white", 235, 235, 235), ("grey", 128, 128, 128), ("red", 200, 40, 40), ("orange", 230, 130, 30),
        ("yellow", 230, 210, 50), ("green", 50, 160, 60), ("teal", 30, 140, 140), ("blue", 40, 70, 200), ("purple", 120, 50, 170),
        ("pink", 230, 120, 170), ("brown", 120, 80, 40),
        ("amber", 255, 176, 0), ("gold", 212, 175, 55), ("navy", 20, 30, 90), ("cyan", 40, 200, 220), ("magenta", 200, 40, 160),
        ("beige", 225, 205, 170), ("crimson", 160, 20, 40), ("violet", 140, 90, 200), ("silver", 190, 190, 195), ("turquoise", 60, 200, 190),
    ];

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["gray"] = "grey", ["golden"] = "gold", ["aqua"] = "cyan", ["scarlet"] = "red", ["indigo"] = "navy", ["lavender"] = "violet",
        ["cream"] = "beige", ["tan"] = "beige", ["olive"] = "green", ["emerald"] = "green", ["maroon"] = "crimson",
    };

    /// <summary>The index in <see cref="All"/> of the colour <paramref name="description"/> names; null when it names none.</summary>
    public static int? Find(string description)
    {
        foreach (var word in description.Split([' ', '-', ',', '/'], StringSplitOptions.RemoveEmptyEntries))
        {
            var name = Aliases.TryGetValue(word, out var alias) ? alias : word.ToLowerInvariant();
            for (var i = 0; i < All.Count; i++)
            {
                if (All[i].Name == name)
                {
                    return i;
                }
            }
        }

        return null;
    }

    /// <summary>The index in <see cref="All"/> of the named colour nearest to an sRGB pixel (squared distance).</summary>
    public static int Nearest(int r, int g, int b)
    {
        var best = 0;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < All.Count; i++)
        {
            var (_, cr, cg, cb) = All[i];
            var d = ((r - cr) * (r - cr)) + ((g - cg) * (g - cg)) + ((b - cb) * (b - cb));
            if (d < bestDistance)
            {
                (best, bestDistance) = (i, d);
            }
        }

        return best;
    }
}
