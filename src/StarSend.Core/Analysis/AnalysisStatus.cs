using System.Security.Cryptography;
using StarSend.Core.Projects;
using StarSend.Core.Sequences;

namespace StarSend.Core.Analysis;

/// <summary>Whether a sequence's latest analysis still describes its start frame (same file, same bytes), for <c>status</c> and <c>analyze</c>.</summary>
public static class AnalysisStatus
{
    /// <summary>The latest analysis when it describes the current start frame; null when there is none or the start frame changed since (a new pick).</summary>
    public static StartFrameAnalysis? Current(SequenceRecord record, ProjectPaths paths) =>
        record.StartFrame is { } frame && record.Analyses.LastOrDefault() is { } last && last.StartFrameFile == frame.File
            && File.Exists(paths.Full(frame.File)) && last.StartFrameSha256 == Sha256(paths.Full(frame.File))
            ? last
            : null;

    /// <summary>One line for <c>status SEQ</c>: the current analysis, a stale one, or none.</summary>
    public static string Describe(SequenceRecord record, ProjectPaths paths)
    {
        if (record.Analyses.Count == 0)
        {
            return $"{record.Id} analysis: none{(record.StartFrame is null ? string.Empty : $" (starsend analyze {record.Id})")}";
        }

        var last = record.Analyses[^1];
        if (Current(record, paths) is null)
        {
            return $"{record.Id} analysis {last.Number}: STALE, it describes {last.StartFrameFile}, not the current start frame {record.StartFrame?.File ?? "(none)"}; 'starsend analyze {record.Id}' analyses the new one";
        }

        var motions = string.Join(", ", last.Answer.MotionElements.Select((m, i) => $"{i + 1} {m.Element} ({m.MotionType}, {m.Location})"));
        return $"{record.Id} analysis {last.Number} ({last.Model}) of {last.StartFrameFile}: {last.Answer.Environment.Setting}, {last.Answer.Environment.TimeOfDay}; "
            + $"colours {string.Join(", ", last.Answer.Environment.DominantColors)}; motion elements {motions}";
    }

    private static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
