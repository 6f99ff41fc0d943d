using System.Text;
using System.Text.Json;
using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Applies the element cap; dropping one is a loud warning and needs the producer's yes (or --yes).</summary>
    private ElementSelection ConfirmElements(PlanSequence sequence, GenerateRequest request)
    {
        var cap = ElementManager.Cap(withStartFrame: true);
        var choice = ElementManager.Select(plan, sequence, withStartFrame: true);
        if (choice.Dropped.Count == 0)
        {
            return choice;
        }

        var message = $"{sequence.Id}: Kling takes {cap} elements with a start frame; dropping {string.Join(", ", choice.Dropped.Select(e => e.Id))} " +
            $"(keeping {string.Join(", ", choice.Used.Select(e => e.Id))}, in plan order)";
        log.Warning("{Warning}", message);
        if (request.Yes || request.DryRun)
        {
            return choice;
        }

        if (request.Confirm is null)
        {
            throw new BadInputException($"{message}; re-run with --yes to accept");
        }

        return request.Confirm($"{message}. Continue?") ? choice : throw new BadInputException($"{sequence.Id}: not generated (elements not confirmed)");
    }

    private SequenceOutcome DryRun(PlanSequence sequence, SequenceRecord record, TakeMode mode, ElementSelection elements)
    {
        var images = ElementImagesOf(elements.Used);
        var startFrame = record.StartFrame is null ? null : paths.Relative(paths.Full(record.StartFrame.File));
        var text = new StringBuilder();
        var total = 0m;
        var calls = mode == TakeMode.MultiShot
            ? [(sequence.Id, startFrame, sequence.Shots.Select(s => new ShotPrompt(s.Prompt, s.Duration)).ToList())]
            : sequence.Shots.Select(s => (
                $"{sequence.Id}_{s.Id}",
                record.ShotStartFrames.TryGetValue(s.Id, out var own) ? own.File : startFrame,
                new List<ShotPrompt> { new(s.Prompt, s.Duration) })).ToList();
        foreach (var (stepId, frame, shots) in calls)
        {
            var (job, cost) = steps.PreviewVideo(frame, images, shots);
            total += cost;
            text.AppendLine($"{stepId}: {job.Model} ~${cost:0.000}");
            text.AppendLine(JsonSerializer.Serialize(job, Json.StarSendJson.Options));
        }

        text.Append($"{sequence.Id}: {calls.Count} call(s), {(mode == TakeMode.MultiShot ? "multi_shot" : "individual")}, estimated ${total:0.000}; nothing was sent");
        return new SequenceOutcome(sequence.Id, ExitCodes.Ok, record.State, text.ToString(), 0);
    }
}
