using StarSend.Review.Pages.Views;

namespace StarSend.Review.Pages;

/// <summary>Marks the words of a prompt that are not in the previous take's prompt (longest common subsequence of words).</summary>
internal static class WordDiff
{
    /// <summary>Spans of <paramref name="now"/>; all unchanged when <paramref name="before"/> is null (first take).</summary>
    public static IReadOnlyList<WordSpan> Mark(string now, string? before)
    {
        if (before is null || before == now)
        {
            return [new WordSpan(now, false)];
        }

        var a = before.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var b = now.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var spans = new List<WordSpan>();
        int x = 0, y = 0;
        while (y < b.Length)
        {
            var kept = x < a.Length && a[x] == b[y];
            if (kept)
            {
                x++;
            }
            else if (x < a.Length && lcs[x + 1, y] >= lcs[x, y + 1])
            {
                x++;
                continue;
            }

            var word = (spans.Count == 0 && y == 0 ? string.Empty : " ") + b[y];
            if (spans.Count > 0 && spans[^1].Changed == !kept)
            {
                spans[^1] = spans[^1] with { Text = spans[^1].Text + word };
            }
            else
            {
                spans.Add(new WordSpan(word, !kept));
            }

            y++;
        }

        return spans;
    }
}
