using System.Text.RegularExpressions;
using StarSend.Core.Errors;

namespace StarSend.Core.Workflow;

/// <summary>A cell of the 2x2 grid: <c>r0c1</c> (zero-based row and column from the top-left) or 1–4 in reading order.</summary>
public sealed partial record GridCell(int Row, int Col)
{
    public override string ToString() => $"r{Row}c{Col}";

    public static GridCell Parse(string text, string sequenceId)
    {
        var trimmed = text.Trim().ToLowerInvariant();
        if (int.TryParse(trimmed, out var number) && number is >= 1 and <= 4)
        {
            return new GridCell((number - 1) / 2, (number - 1) % 2);
        }

        var match = CellPattern().Match(trimmed);
        if (match.Success)
        {
            return new GridCell(match.Groups[1].Value[0] - '0', match.Groups[2].Value[0] - '0');
        }

        throw new BadInputException($"{sequenceId}: '{text}' is not a grid cell; use r0c0, r0c1, r1c0, r1c1 or 1-4 (reading order)");
    }

    [GeneratedRegex("^r([01])c([01])$")]
    private static partial Regex CellPattern();
}
