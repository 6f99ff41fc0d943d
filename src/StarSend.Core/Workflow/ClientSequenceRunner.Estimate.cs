using StarSend.Core.Elements;
using StarSend.Core.Errors;
using StarSend.Core.Providers;
using StarSend.Core.Sequences;

namespace StarSend.Core.Workflow;

public sealed partial class ClientSequenceRunner
{
    /// <summary>Jobs and estimated cost of <c>generate</c> over <paramref name="ids"/>, from the state as it is now; writes and sends nothing.</summary>
    public async Task<BatchEstimate> EstimateGenerateAsync(IReadOnlyList<string> ids, GenerateRequest request, CancellationToken cancellationToken)
    {
        var doc = await store.ReadAsync(cancellationToken);
        var estimates = new List<SequenceEstimate>();
        foreach (var id in ids)
        {
            var record = doc.Sequences.TryGetValue(id, out var r) ? r : new SequenceRecord { Id = id };
            estimates.Add(EstimateGenerate(id, record, request));
        }

        return new BatchEstimate(estimates);
    }

    /// <summary>Image calls and estimated cost of <c>grid</c> over <paramref name="ids"/>: one call per sequence that will draw one.</summary>
    public async Task<BatchEstimate> EstimateGridAsync(IReadOnlyList<string> ids, bool again, CancellationToken cancellationToken)
    {
        var doc = await store.ReadAsync(cancellationToken);
        var price = ImagePrice(settings.ImageModel);
        return new BatchEstimate([.. ids.Select(id =>
        {
            var record = doc.Sequences.TryGetValue(id, out var r) ? r : new SequenceRecord { Id = id };
            var draws = AlreadyHasGrid(record, again) is null;
            return new SequenceEstimate(id, draws ? 1 : 0, draws ? price : 0);
        })]);
    }

    private SequenceEstimate EstimateGenerate(string id, SequenceRecord record, GenerateRequest request)
    {
        var sequence = Sequence(id);
        if (AlreadyHasTake(record, request) is not null)
        {
            return new SequenceEstimate(id, 0, 0);
        }

        try
        {
            // Each sequence is priced on the model it will use (issue #11).
            var caps = ModelOf(sequence, request);
            using var model = Steps.VideoModelScope.Use(ModelIdOf(caps));
            var mode = ModeFor(sequence, record, request, caps);
            var images = ElementImagesOf(ElementManager.Select(plan, sequence, caps.ElementCap(withStartFrame: true)).Used);
            var calls = mode == TakeMode.MultiShot
                ? [sequence.Shots.Select(s => new ShotPrompt(s.Prompt, s.Duration)).ToList()]
                : sequence.Shots.Select(s => new List<ShotPrompt> { new(s.Prompt, s.Duration) }).ToList();
            return new SequenceEstimate(id, calls.Count, calls.Sum(shots => steps.PreviewVideo(record.StartFrame!.File, images, shots).CostUsd));
        }
        catch (StarSendException)
        {
            // The run itself will refuse this sequence with the message; nothing is foreseen for it.
            return new SequenceEstimate(id, 0, 0);
        }
    }
}
