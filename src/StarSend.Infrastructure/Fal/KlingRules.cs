using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Providers;

namespace StarSend.Infrastructure.Fal;

/// <summary>Kling's input rules on fal (providers.md §2.3–2.5), checked before anything is sent.</summary>
internal static class KlingRules
{
    public const int MaxPromptChars = 2500;
    public const int MaxReferenceImages = 3;
    private static readonly string[] AspectRatios = ["16:9", "9:16", "1:1"];

    public static void Validate(VideoJob job, KlingEndpoint endpoint)
    {
        var problems = new List<string>();
        CheckShots(job, endpoint, problems);
        CheckFrames(job, endpoint, problems);
        if (endpoint.AspectRatio && !AspectRatios.Contains(job.AspectRatio))
        {
            problems.Add($"aspect_ratio: '{job.AspectRatio}' is not one of {string.Join(", ", AspectRatios)}");
        }

        if (problems.Count > 0)
        {
            throw new BadInputException($"video job for {job.Model}: {string.Join("; ", problems)}");
        }
    }

    private static void CheckShots(VideoJob job, KlingEndpoint endpoint, List<string> problems)
    {
        var maxShots = endpoint.MultiPrompt ? PlanLimits.MaxShotsPerMultiShot : 1;
        if (job.Shots.Count < 1 || job.Shots.Count > maxShots)
        {
            problems.Add($"shots: {job.Shots.Count} shots, the model takes 1 to {maxShots} in one call");
        }

        for (var i = 0; i < job.Shots.Count; i++)
        {
            var shot = job.Shots[i];
            if (string.IsNullOrWhiteSpace(shot.Prompt))
            {
                problems.Add($"shots[{i}].prompt: empty");
            }
            else if (shot.Prompt.Length > MaxPromptChars)
            {
                problems.Add($"shots[{i}].prompt: {shot.Prompt.Length} characters, at most {MaxPromptChars}");
            }

            if (endpoint.Durations is { } allowed ? !allowed.Contains(shot.DurationS) : shot.DurationS is < PlanLimits.MinShotSeconds or > PlanLimits.MaxShotSeconds)
            {
                var range = endpoint.Durations is { } d ? string.Join(" or ", d) : $"{PlanLimits.MinShotSeconds} to {PlanLimits.MaxShotSeconds}";
                problems.Add($"shots[{i}].duration: {shot.DurationS} s, the model takes {range} s");
            }
        }

        if (job.Shots.Count > 1 && job.TotalDurationS > PlanLimits.MaxMultiShotSeconds)
        {
            problems.Add($"duration: the shots add up to {job.TotalDurationS} s, a multi-shot call takes at most {PlanLimits.MaxMultiShotSeconds} s");
        }
    }

    private static void CheckFrames(VideoJob job, KlingEndpoint endpoint, List<string> problems)
    {
        var hasStart = !string.IsNullOrWhiteSpace(job.StartImageUrl);
        if (endpoint.StartFrameField is null && hasStart)
        {
            problems.Add("start_image_url: this model takes no start frame");
        }
        else if (endpoint.StartFrameRequired && !hasStart)
        {
            problems.Add($"{endpoint.StartFrameField}: this model needs a start frame");
        }

        if (!endpoint.Elements)
        {
            if (job.Elements.Count > 0)
            {
                problems.Add($"elements: this model takes no elements ({job.Elements.Count} given)");
            }

            return;
        }

        var max = hasStart ? PlanLimits.MaxElementsWithStartFrame : PlanLimits.MaxElementsWithoutStartFrame;
        if (job.Elements.Count > max)
        {
            problems.Add($"elements: {job.Elements.Count} elements, at most {max} {(hasStart ? "with" : "without")} a start frame");
        }

        for (var i = 0; i < job.Elements.Count; i++)
        {
            var element = job.Elements[i];
            if (string.IsNullOrWhiteSpace(element.FrontalImageUrl))
            {
                problems.Add($"elements[{i}].frontal_image_url: empty");
            }

            if (element.ReferenceImageUrls.Count > MaxReferenceImages)
            {
                problems.Add($"elements[{i}].reference_image_urls: {element.ReferenceImageUrls.Count} images, at most {MaxReferenceImages}");
            }

            if (element.ReferenceImageUrls.Any(string.IsNullOrWhiteSpace))
            {
                problems.Add($"elements[{i}].reference_image_urls: an empty entry");
            }
        }
    }
}
