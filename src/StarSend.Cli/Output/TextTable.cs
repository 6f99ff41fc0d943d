using System.Text;

namespace StarSend.Cli.Output;

/// <summary>A plain, aligned text table: readable on a terminal and stable when piped.</summary>
internal static class TextTable
{
    public static string Render(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = rows.Prepend(headers).ToList();
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            text.AppendLine(string.Join("  ", row.Select((cell, i) => i == row.Count - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd());
        }

        return text.ToString();
    }

    public static string Time(double seconds) => $"{(int)seconds / 60}:{(int)seconds % 60:00}";

    public static string Money(decimal usd) => $"${usd:0.00}";
}
