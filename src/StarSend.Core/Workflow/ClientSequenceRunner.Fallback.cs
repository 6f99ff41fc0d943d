using StarSend.Core.Plans;
using StarSend.Core.Providers;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Sequences;
using StarSend.Core.Steps;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>
    /// The video models a take falls back to after its first one (seed 002, issue #10). <c>generate --model ID</c> pins
    /// exactly that model: no fallback. Otherwise the chain is the sequence's <c>video_model</c> (when the plan sets one),
    /// then the project's <c>video_models</c> in order, without repeats; the first is the take's model. Each fallback is
    /// checked against the take as planned before anything is sent: a model that cannot take it (multi-shot, element cap
    /// with a start frame, shot durations or prompt lengths, a negative prompt that is being sent, a retired or unknown
    /// model) stays in the chain as unfit, so that it is passed over unsent with its reason recorded.
    /// </summary>
    private List<VideoFallback> VideoFallbacks(PlanSequence sequence, GenerateRequest request, VideoModelCapabilities first, TakeMode mode, int elementsUsed, bool negativeSent)
    {
        if (!string.IsNullOrWhiteSpace(request.Model))
        {
            return [];
        }

        var retired = settings.RetiredModels();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { first.Id.Full };
        var fallbacks = new List<VideoFallback>();
        var chain = string.IsNullOrWhiteSpace(sequence.VideoModel) ? settings.VideoModelChain() : [sequence.VideoModel.Trim(), .. settings.VideoModelChain()];
        foreach (var model in chain)
        {
            if (VideoModelCatalog.Problem(model, retired) is { } problem)
            {
                fallbacks.Add(new VideoFallback(model, problem));
                continue;
            }

            var caps = VideoModelCatalog.For(model, retired);
            if (seen.Add(caps.Id.Full))
            {
                fallbacks.Add(new VideoFallback(ModelIdOf(caps), Unfit(sequence, caps, mode, elementsUsed, negativeSent)));
            }
        }

        return fallbacks;
    }

    /// <summary>Why <paramref name="caps"/> cannot take this take as planned (one line), or null when it can.</summary>
    private string? Unfit(PlanSequence sequence, VideoModelCapabilities caps, TakeMode mode, int elementsUsed, bool negativeSent)
    {
        var index = plan.Sequences.ToList().IndexOf(sequence);
        if (SequenceModelCheck.Check(sequence, $"$.sequences[{index}]", caps.Id.Full, caps.Id.Full, settings.RetiredModels()) is [var problem, ..])
        {
            return problem.ToString();
        }

        if (mode == TakeMode.MultiShot && !caps.FitsOneCall(sequence))
        {
            return $"{caps.Id.Full} cannot take the sequence in one call ({sequence.Shots.Count} shots, {sequence.TotalDurationS} s), and this take is one multi-shot call";
        }

        if (elementsUsed > caps.ElementCap(withStartFrame: true))
        {
            return $"{caps.Id.Full} takes at most {caps.ElementCap(withStartFrame: true)} elements with a start frame, and this take sends {elementsUsed}";
        }

        return negativeSent && !(caps.NegativePrompt && caps.Id.Provider == VideoModelId.Fal)
            ? $"{caps.Id.Full} takes no negative prompt, and this take sends one"
            : null;
    }

    /// <summary>
    /// The dry run's words on the chain, from the fallbacks the take would have without <c>--model</c>:
    /// <c>; falls back to: X, Y (unfit: …)</c>, or that <c>--model</c> pins the model; empty when there is no chain.
    /// </summary>
    private static string FallbackText(List<VideoFallback> fallbacks, GenerateRequest request) =>
        fallbacks.Count == 0 ? string.Empty
        : !string.IsNullOrWhiteSpace(request.Model) ? "; --model pins the model: no fallback"
        : $"; falls back to: {string.Join(", ", fallbacks.Select(f => f.Unfit is null ? f.Model : $"{f.Model} (unfit: {f.Unfit})"))}";

    /// <summary>The models passed over by any call of the take, once per model (the first reason stays); null when none was.</summary>
    private static List<ModelSkip>? SkippedOf(IReadOnlyList<StepResult> results)
    {
        var skipped = new List<ModelSkip>();
        foreach (var skip in results.SelectMany(r => r.SkippedModels).Where(s => !skipped.Exists(k => string.Equals(k.Model, s.Model, StringComparison.OrdinalIgnoreCase))))
        {
            skipped.Add(skip);
        }

        return skipped.Count > 0 ? skipped : null;
    }
}
