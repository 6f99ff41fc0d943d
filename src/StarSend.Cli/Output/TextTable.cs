using System.Text;

namespace StarSend.Cli.Output;

/// <summary>A plain, aligned text table: readable on a terminal and stable when piped.</summary>
internal static class TextTable
{
    /// <remarks>
    /// Plain loops, no LINQ over column widths: <c>status</c> prints this table, and LINQ's generic code over
    /// <c>int</c> is compiled at run time in every process (#12).
    /// </remarks>
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { headers };
        all.AddRange(rows);
        var widths = new int[headers.Count];
        foreach (var row in all)
        {
            for (var i = 0; i < widths.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        var text = new StringBuilder();
        foreach (var row in all)
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Count; i++)
            {
                line.Append(i == 0 ? string.Empty : "  ").Append(i == row.Count - 1 ? row[i] : row[i].PadRight(widths[i]));
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        return text.ToString();
    }

    public static string Time(double seconds) => $"{(int)seconds / 60}:{(int)seconds % 60:00}";

    public static string Money(decimal usd) => $"${usd:0.00}";
}
