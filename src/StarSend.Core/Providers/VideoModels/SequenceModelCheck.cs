using StarSend.Core.Errors;
using StarSend.Core.Plans;

namespace StarSend.Core.Providers.VideoModels;

/// <summary>
/// Checks sequences against the video model each will use: <c>generate --model</c> for the run, else the sequence's
/// <c>video_model</c>, else the project's. Every problem has its JSON path in the plan; nothing is sent or paid.
/// </summary>
public static class SequenceModelCheck
{
    /// <summary>The model id a sequence is generated with.</summary>
    public static string ModelFor(PlanSequence sequence, string projectModel, string? runModel = null) =>
        !string.IsNullOrWhiteSpace(runModel) ? runModel.Trim()
        : !string.IsNullOrWhiteSpace(sequence.VideoModel) ? sequence.VideoModel.Trim()
        : projectModel;

    /// <summary>Every sequence of the plan against its model (retired or unknown models, durations, prompt lengths).</summary>
    public static IReadOnlyList<PlanProblem> Check(
        ClientPlan plan, string projectModel, string? runModel = null, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        var problems = new List<PlanProblem>();
        for (var s = 0; s < plan.Sequences.Count; s++)
        {
            problems.AddRange(Check(plan.Sequences[s], $"$.sequences[{s}]", projectModel, runModel, retiredBySettings));
        }

        return problems;
    }

    /// <summary>One sequence at <paramref name="path"/> (e.g. <c>$.sequences[3]</c>).</summary>
    public static IReadOnlyList<PlanProblem> Check(
        PlanSequence sequence, string path, string projectModel, string? runModel = null, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        var model = ModelFor(sequence, projectModel, runModel);
        var where = !string.IsNullOrWhiteSpace(runModel) ? $"{path} (generate --model)"
            : !string.IsNullOrWhiteSpace(sequence.VideoModel) ? $"{path}.video_model"
            : $"{path} (project video_model)";
        if (VideoModelCatalog.Problem(model, retiredBySettings) is { } problem)
        {
            return [new PlanProblem(where, problem)];
        }

        var caps = VideoModelCatalog.For(model, retiredBySettings);
        var problems = new List<PlanProblem>();
        for (var i = 0; i < sequence.Shots.Count; i++)
        {
            var shot = sequence.Shots[i];
            if (!caps.AllowsDuration(shot.Duration))
            {
                problems.Add(new($"{path}.shots[{i}].duration", $"must be {caps.DurationsText()} seconds for {caps.Id.Full}, got {shot.Duration}"));
            }

            var length = shot.Prompt.EnumerateRunes().Count();
            if (length > caps.MaxPromptCharacters)
            {
                problems.Add(new($"{path}.shots[{i}].prompt", $"is {length} characters; {caps.Id.Full} takes at most {caps.MaxPromptCharacters}"));
            }
        }

        return problems;
    }

    /// <summary>Throws <see cref="PlanInvalidException"/> for <paramref name="file"/> when <see cref="Check(ClientPlan, string, string?, IReadOnlyDictionary{string, RetiredModel}?)"/> finds anything.</summary>
    public static void ThrowIfInvalid(
        ClientPlan plan, string file, string projectModel, string? runModel = null, IReadOnlyDictionary<string, RetiredModel>? retiredBySettings = null)
    {
        var problems = Check(plan, projectModel, runModel, retiredBySettings);
        if (problems.Count > 0)
        {
            throw new PlanInvalidException(file, problems);
        }
    }
}
