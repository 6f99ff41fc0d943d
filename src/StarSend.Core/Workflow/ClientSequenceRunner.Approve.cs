using StarSend.Core.Errors;
using StarSend.Core.Sequences;
using StarSend.Imaging;
using StarSend.Imaging.Video;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Approves take <paramref name="takeNumber"/> after checking its files are still on disk and valid.</summary>
    public async Task<SequenceRecord> ApproveTakeAsync(string id, int takeNumber, CancellationToken cancellationToken)
    {
        // Refused before the lease when it can be (unknown sequence or take): a refused command writes nothing.
        await GetAsync(id, cancellationToken);

        // Under the lease, on state read after it is held: nothing else moves the sequence while its take is checked.
        await using var lease = await leases.AcquireAsync(id, $"starsend approve (run {runId})", cancellationToken);
        var record = await GetAsync(id, cancellationToken);
        var take = record.Takes.FirstOrDefault(t => t.Number == takeNumber)
            ?? throw new BadInputException($"{id} has no take {takeNumber}; takes: {(record.Takes.Count == 0 ? "none" : string.Join(", ", record.Takes.Select(t => t.Number)))}");
        foreach (var file in take.Files)
        {
            var problem = CheckVideo(file);
            if (problem is not null)
            {
                throw new BadInputException($"{id} take {takeNumber}: {problem}; run 'starsend reconcile'");
            }
        }

        var stamp = Stamp(ReviewStamp.CurrentUser, null);
        return await UpdateAsync(id, r => SequenceReview.Decide(r, new ReviewDecision(ReviewAction.Approve, takeNumber), stamp));
    }

    public async Task<SequenceRecord> ApproveFinalAsync(string id, CancellationToken cancellationToken)
    {
        // Refuse before taking the project lock, like the other commands: a refused command writes nothing.
        SequenceWorkflow.Ensure(await GetAsync(id, cancellationToken), SequenceCommand.ApproveFinal);
        await using var lease = await leases.AcquireAsync(id, $"starsend approve --final (run {runId})", cancellationToken);
        var stamp = Stamp(ReviewStamp.CurrentUser, null);
        return await UpdateAsync(id, r => SequenceReview.Decide(r, new ReviewDecision(ReviewAction.Final), stamp));
    }

    /// <summary>Null when the take file is present, a complete MP4 and as long as recorded; otherwise what is wrong.</summary>
    private string? CheckVideo(TakeFile file)
    {
        var full = paths.Full(file.Path);
        if (!File.Exists(full))
        {
            return $"{file.Path} is missing";
        }

        try
        {
            var info = Mp4Inspector.Inspect(full);
            return Math.Abs(info.DurationS - file.DurationS) > 0.1 ? $"{file.Path} lasts {info.DurationS:0.##} s, {file.DurationS:0.##} s were recorded" : null;
        }
        catch (ImagingException ex)
        {
            return $"{file.Path} is not a valid MP4 ({ex.Message})";
        }
    }
}
