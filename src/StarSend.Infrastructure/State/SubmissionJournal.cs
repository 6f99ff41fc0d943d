using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Executions;
using StarSend.Core.Json;
using StarSend.Core.Projects;

namespace StarSend.Infrastructure.State;

/// <summary>
/// <c>state/journal/*.json</c>: one small file per submitted job, written atomically the moment its request id is
/// known and folded into executions.json by the next update. Needs no project lock, so the window in which a crash
/// loses a paid request id is one file write, not a wait for the lock.
/// </summary>
internal sealed class SubmissionJournal(ProjectPaths paths)
{
    private string Dir => Path.Combine(paths.StateDir, "journal");

    public Task WriteAsync(SubmittedJournal entry, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Dir);
        return AtomicFile.WriteAllTextAsync(FileOf(entry.ExecutionId), JsonSerializer.Serialize(entry, StarSendJson.Options), cancellationToken);
    }

    /// <summary>The document with every journalled request id applied to its intent.</summary>
    public ExecutionsDocument Apply(ExecutionsDocument doc)
    {
        var entries = Read();
        if (entries.Count == 0)
        {
            return doc;
        }

        var executions = new Dictionary<string, ExecutionRecord>(doc.Executions, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (executions.TryGetValue(entry.ExecutionId, out var record) && record.RequestId is null)
            {
                executions[entry.ExecutionId] = record with
                {
                    Status = ExecutionStatus.Submitted,
                    RequestId = entry.RequestId,
                    StatusUrl = entry.StatusUrl,
                    ResponseUrl = entry.ResponseUrl,
                    CancelUrl = entry.CancelUrl,
                    SubmittedAt = entry.SubmittedAt,
                    Error = null,
                };
            }
        }

        return doc with { Executions = executions };
    }

    /// <summary>Removes the entries whose request id executions.json now holds.</summary>
    public void Prune(ExecutionsDocument saved)
    {
        foreach (var entry in Read())
        {
            if (saved.Executions.TryGetValue(entry.ExecutionId, out var record) && record.RequestId == entry.RequestId)
            {
                File.Delete(FileOf(entry.ExecutionId));
            }
        }
    }

    private List<SubmittedJournal> Read()
    {
        if (!Directory.Exists(Dir))
        {
            return [];
        }

        var entries = new List<SubmittedJournal>();
        string[] files;
        try
        {
            files = Directory.GetFiles(Dir, "*.json");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The folder holds paid request ids: a listing that fails is a state problem, never an "unexpected" crash.
            throw new StateFileException($"state/journal cannot be listed: {ex.Message.Split('\n')[0]}; fix its permissions", ex);
        }

        foreach (var file in files)
        {
            try
            {
                var entry = JsonSerializer.Deserialize<SubmittedJournal>(File.ReadAllText(file), StarSendJson.Options);
                if (entry is not null)
                {
                    entries.Add(entry);
                }
            }
            catch (FileNotFoundException)
            {
                // Pruned by another process between listing and reading.
            }
            catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
            {
                // A journal entry holds a paid request id: never skipped, never an "unexpected" crash.
                throw new StateFileException(
                    $"state/journal/{Path.GetFileName(file)} (a submitted job's request id, not yet in executions.json) is unreadable: {ex.Message.Split('\n')[0]}; fix it or restore it from a backup", ex);
            }
        }

        return entries;
    }

    private string FileOf(string executionId) => Path.Combine(Dir, executionId.Replace('#', '.') + ".json");
}
