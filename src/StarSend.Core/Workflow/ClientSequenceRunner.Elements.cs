using System.Text;
using System.Text.Json;
using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Applies the element cap; dropping one is a loud warning and needs the producer's yes (or --yes).</summary>
    private ElementSelection ConfirmElements(PlanSequence sequence, GenerateRequest request, VideoModelCapabilities caps)
    {
        var cap = caps.ElementCap(withStartFrame: true);
        var choice = ElementManager.Select(plan, sequence, cap);
        if (choice.Dropped.Count == 0)
        {
            return choice;
        }

        var who = caps.Id.Provider == VideoModelId.Fal ? "Kling" : caps.Id.Full;
        var keeping = choice.Used.Count == 0 ? "keeping none" : $"keeping {string.Join(", ", choice.Used.Select(e => e.Id))}, in plan order";
        var message = $"{sequence.Id}: {who} takes {cap} elements with a start frame; dropping {string.Join(", ", choice.Dropped.Select(e => e.Id))} ({keeping})";
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

    private SequenceOutcome DryRun(PlanSequence sequence, SequenceRecord record, TakeMode mode, ElementSelection elements, VideoModelCapabilities caps, List<TakePrompt> prompts)
    {
        var images = ElementImagesOf(elements.Used);
        var startFrame = record.StartFrame is null ? null : paths.Relative(paths.Full(record.StartFrame.File));
        var text = new StringBuilder();
        var total = 0m;
        var calls = mode == TakeMode.MultiShot
            ? [(sequence.Id, startFrame, sequence.Shots.Select((s, i) => new ShotPrompt(prompts[i].Prompt, s.Duration)).ToList())]
            : sequence.Shots.Select((s, i) => (
                $"{sequence.Id}_{s.Id}",
                record.ShotStartFrames.TryGetValue(s.Id, out var own) ? own.File : startFrame,
                new List<ShotPrompt> { new(prompts[i].Prompt, s.Duration) })).ToList();
        foreach (var (stepId, frame, shots) in calls)
        {
            var (job, cost) = steps.PreviewVideo(frame, images, shots);
            total += cost;
            text.AppendLine($"{stepId}: {job.Model} ~${cost:0.000}");
            text.AppendLine(JsonSerializer.Serialize(job, Json.StarSendJson.Options));
        }

        var price = caps.PriceConfirmed ? string.Empty : " (stand-in price: the provider publishes none; its own cost is recorded with the take)";
        text.Append($"{sequence.Id}: {caps.Id.Full}, {calls.Count} call(s), {(mode == TakeMode.MultiShot ? "multi_shot" : "individual")}, estimated ${total:0.000}{price}; nothing was sent");
        return new SequenceOutcome(sequence.Id, ExitCodes.Ok, record.State, text.ToString(), 0);
    }
}
