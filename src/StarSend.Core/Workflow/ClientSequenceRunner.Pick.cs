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
    public async Task<SequenceRecord> PickAsync(string id, GridCell cell, int? gridNumber, string? shotId, CancellationToken cancellationToken)
    {
        var sequence = Sequence(id);
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

        var aspectNote = CellShape.Difference(frame.Width, frame.Height, plan.AspectRatio);
        if (aspectNote is not null)
        {
            log.Warning("{SequenceId}: cell {Cell} of grid {Grid} is {Note}; the video may be cropped or letterboxed", id, cell.ToString(), grid.Number, aspectNote);
        }

        var name = shotId is null ? $"{id}_{cell}.png" : $"{id}_{shotId}_{cell}.png";
        var path = MediaPath(paths.StartFramesDir, name);
        Directory.CreateDirectory(paths.StartFramesDir);
        await StepRunner.WriteFileAtomicallyAsync(path, ImageCodec.EncodePng(frame), cancellationToken);
        var start = new StartFrame { Grid = grid.Number, Row = cell.Row, Col = cell.Col, File = paths.Relative(path), Width = frame.Width, Height = frame.Height, AspectNote = aspectNote };
        return await UpdateAsync(id, r =>
        {
            SequenceWorkflow.Ensure(r, SequenceCommand.Pick);
            return shotId is null
                ? SequenceWorkflow.Apply(r, SequenceCommand.Pick) with { StartFrame = start }
                : r with { ShotStartFrames = new(r.ShotStartFrames, StringComparer.Ordinal) { [shotId] = start } };
        });
    }
}
