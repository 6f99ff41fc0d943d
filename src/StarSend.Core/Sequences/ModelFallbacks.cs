using StarSend.Core.Providers;

namespace StarSend.Core.Sequences;

/// <summary>
/// Which model made each grid and take of a sequence, and the fallback models passed over before it (issue #10), for
/// <c>status SEQ</c> and <c>status SEQ --json</c> (key <c>models</c>).
/// </summary>
public static class ModelFallbacks
{
    /// <summary>One grid or take: <c>{"what": "take", "number": 1, "model": "…", "skipped_models": [{"model", "reason", "execution_id"}]}</c>.</summary>
    public sealed record Use(string What, int Number, string? Model, IReadOnlyList<ModelSkip> SkippedModels);

    /// <summary>Every grid, then every take, oldest first.</summary>
    public static IReadOnlyList<Use> Of(SequenceRecord record) =>
    [
        .. record.Grids.Select(g => new Use("grid", g.Number, g.Model, g.SkippedModels ?? [])),
        .. record.Takes.Select(t => new Use("take", t.Number, t.Model, t.SkippedModels ?? [])),
    ];

    /// <summary>One line per grid or take made by a fallback model (e.g. <c>take 2: made by X; skipped Y: gone (HTTP 404): …</c>); null when none was.</summary>
    public static string? Describe(SequenceRecord record)
    {
        var lines = Of(record).Where(u => u.SkippedModels.Count > 0)
            .Select(u => $"{u.What} {u.Number}: made by {u.Model}; skipped {string.Join("; ", u.SkippedModels.Select(s => $"{s.Model}: {s.Reason}"))}")
            .ToList();
        return lines.Count == 0 ? null : string.Join('\n', lines);
    }
}
