using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;
using StarSend.Imaging.Grids;
using StarSend.Imaging;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// Crops a cell of a paid grid (the latest, or <paramref name="gridNumber"/>) into the start frame — of the sequence,
    /// or of one shot with <c>own_start_frame</c>. No image call is made.
    /// </summary>
    public Task<SequenceRecord> PickAsync(string id, GridCell cell, int? gridNumber, string? shotId, CancellationToken cancellationToken) =>
        PickAsync(id, cell, gridNumber, shotId, autoReason: null, cancellationToken);

    /// <summary>
    /// <c>run</c>'s pick of the latest grid (issue #15): <paramref name="spec"/> is a cell (<c>1</c>–<c>4</c>, <c>r0c1</c>)
    /// or <c>auto</c> (<see cref="CellRanking"/>). The pick is marked auto, with its reason.
    /// </summary>
    public async Task<(SequenceRecord Record, GridCell Cell, string Reason)> AutoPickAsync(string id, string spec, CancellationToken cancellationToken)
    {
        if (!string.Equals(spec, "auto", StringComparison.OrdinalIgnoreCase))
        {
            var cell = GridCell.Parse(spec, id);
            var reason = $"auto: cell {spec} ({cell}) as asked by 'run --pick {spec}', unranked";
            return (await PickAsync(id, cell, null, null, reason, cancellationToken), cell, reason);
        }

        var record = await GetAsync(id, cancellationToken);
        var grid = record.Grids.LastOrDefault(g => g.File is not null) ?? throw new BadInputException($"{id} has no grid yet; run 'starsend grid {id}'");
        var image = ImageCodec.Decode(paths.Full(grid.File!));
        var cells = new[] { new GridCell(0, 0), new GridCell(0, 1), new GridCell(1, 0), new GridCell(1, 1) }
            .Select(c => (c, GridCells.Extract(image, c.Row, c.Col, gridSize: 2, trimGutters: true))).ToList();
        // The sequence's latest analysis (even of an earlier start frame: the look the producer had analysed) scores colour closeness.
        var colours = record.Analyses.LastOrDefault() is { } analysis
            ? new CellRanking.DominantColours($"analysis {analysis.Number}", analysis.Answer.Environment.DominantColors)
            : null;
        var ranking = CellRanking.Rank(cells, plan.AspectRatio, colours);
        if (ranking.Best is null)
        {
            throw new BadInputException($"{id}: grid {grid.Number} has no cell a video model can start from: {ranking.Reason}; pick one by hand or draw another grid");
        }

        return (await PickAsync(id, ranking.Best, grid.Number, null, ranking.Reason, cancellationToken), ranking.Best, ranking.Reason);
    }

    private async Task<SequenceRecord> PickAsync(string id, GridCell cell, int? gridNumber, string? shotId, string? autoReason, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
        SequenceWorkflow.Ensure(await GetAsync(id, cancellationToken), SequenceCommand.Pick);

        // Under the lease, on state read after it is held: the start frame a running generate pays with never changes under it.
        await using var lease = await leases.AcquireAsync(id, $"starsend pick (run {runId})", cancellationToken);
        var record = await GetAsync(id, cancellationToken);
        SequenceWorkflow.Ensure(record, SequenceCommand.Pick);
        if (shotId is not null && sequence.Shots.All(s => s.Id != shotId))
        {
            throw new BadInputException($"{id}: no shot '{shotId}'; its shots are {string.Join(", ", sequence.Shots.Select(s => s.Id))}");
        }

        var grid = gridNumber is null
            ? record.Grids.LastOrDefault(g => g.File is not null)
            : record.Grids.FirstOrDefault(g => g.Number == gridNumber && g.File is not null);
        if (grid is null)
        {
            throw new BadInputException(gridNumber is null ? $"{id} has no grid yet; run 'starsend grid {id}'" : $"{id} has no grid {gridNumber}");
        }

        var image = ImageCodec.Decode(paths.Full(grid.File!));
        var frame = GridCells.Extract(image, cell.Row, cell.Col, gridSize: 2, trimGutters: true);
        if (frame.Width < PlanLimits.MinImageSide || frame.Height < PlanLimits.MinImageSide)
        {
            throw new BadInputException($"{id}: cell {cell} of grid {grid.Number} is {frame.Width}x{frame.Height}; the video model needs at least {PlanLimits.MinImageSide} px a side");
        }

        if (!CellShape.KlingTakes(frame.Width, frame.Height))
        {
            throw new BadInputException($"{id}: cell {cell} of grid {grid.Number} is {frame.Width}x{frame.Height}; the video model takes start frames between 1:2.5 and 2.5:1");
        }

        // The start frame belongs to the pass of the grid it is cut from (issue #14).
        var pass = grid.PassRunId ?? record.PassRunId ?? runId;
        using var scope = PassScope(pass);
        var aspectNote = CellShape.Difference(frame.Width, frame.Height, plan.AspectRatio);
        if (aspectNote is not null)
        {
            log.Warning("{SequenceId}: cell {Cell} of grid {Grid} is {Note}; the video may be cropped or letterboxed", id, cell.ToString(), grid.Number, aspectNote);
        }

        var name = shotId is null ? $"{id}_{cell}.png" : $"{id}_{shotId}_{cell}.png";
        var path = MediaPath(paths.StartFramesDir, pass, name);
        Directory.CreateDirectory(paths.StartFramesDir);
        await StepRunner.WriteFileAtomicallyAsync(path, ImageCodec.EncodePng(frame), cancellationToken);
        var start = new StartFrame { Grid = grid.Number, Row = cell.Row, Col = cell.Col, File = paths.Relative(path), Width = frame.Width, Height = frame.Height, PassRunId = pass, RunId = runId, Auto = autoReason is null ? null : true, AutoReason = autoReason, AspectNote = aspectNote };
        log.Information("{SequenceId}: picked {Cell} of grid {Grid} in pass {Pass}: {File}", id, cell.ToString(), grid.Number, pass, start.File);
        return await UpdateAsync(id, r =>
        {
            SequenceWorkflow.Ensure(r, SequenceCommand.Pick);
            return shotId is null
                ? SequenceWorkflow.Apply(r, SequenceCommand.Pick) with { StartFrame = start, PassRunId = r.PassRunId ?? pass }
                : r with { ShotStartFrames = new(r.ShotStartFrames, StringComparer.Ordinal) { [shotId] = start } };
        });
    }
}
