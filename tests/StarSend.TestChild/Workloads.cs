using StarSend.Core.Executions;
using StarSend.Core.Sequences;

namespace StarSend.TestChild;

/// <summary>The document changes the child makes, shared with the tests so they can rebuild every expected version.</summary>
public static class Workloads
{
    public const string Shared = "SHARED";

    /// <summary>Version <paramref name="version"/> of the write workload: uploads 1..version, each about 300 bytes.</summary>
    public static ExecutionsDocument Version(string key, int version)
    {
        var doc = new ExecutionsDocument();
        for (var i = 1; i <= version; i++)
        {
            doc = AddUpload(doc, key, i);
        }

        return doc;
    }

    public static ExecutionsDocument AddUpload(ExecutionsDocument doc, string key, int version) =>
        doc with
        {
            Uploads = new(doc.Uploads, StringComparer.Ordinal)
            {
                [$"{key}-{version:D5}"] = new UploadRecord(
                    $"https://storage.example/{key}/{version:D5}/{new string((char)('a' + (version % 26)), 240)}",
                    new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero).AddSeconds(version)),
            },
        };

    /// <summary>
    /// Adds one grid attempt to the shared sequence and one to <paramref name="key"/>'s own: the counters are the
    /// attempt counts, and the shared attempts are numbered 1..total, so a lost update shows as a gap or a repeat.
    /// </summary>
    public static SequencesDocument Increment(SequencesDocument doc, string key)
    {
        var shared = doc.Sequences.GetValueOrDefault(Shared) ?? new SequenceRecord { Id = Shared };
        var mine = doc.Sequences.GetValueOrDefault(key) ?? new SequenceRecord { Id = key };
        return doc with
        {
            Sequences = new(doc.Sequences, StringComparer.Ordinal)
            {
                [Shared] = shared with { Grids = [.. shared.Grids, new GridAttempt { Number = shared.Grids.Count + 1, RunId = key }] },
                [key] = mine with { Grids = [.. mine.Grids, new GridAttempt { Number = mine.Grids.Count + 1, RunId = key }] },
            },
        };
    }
}
