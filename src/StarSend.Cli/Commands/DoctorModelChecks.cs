using System.Text.Json;
using StarSend.Core.Plans;
using StarSend.Core.Providers.VideoModels;
using StarSend.Core.Settings;
using StarSend.Imaging;

namespace StarSend.Cli.Commands;

/// <summary>
/// The doctor's checks of the video models a project will really use: <c>LEONARDO_API_KEY</c> when the project or any
/// sequence names a <c>leonardo:</c> model, and each sequence's own <c>video_model</c> from the plan (known, not
/// retired, and the element images it would send within that model's image limits).
/// </summary>
internal static class DoctorModelChecks
{
    /// <summary>
    /// Who uses a Leonardo model: <c>project video_model</c> and the ids of the sequences naming one. The sequences'
    /// models are read from the plan's raw JSON, so this holds even when the plan is otherwise invalid (and the session
    /// could not open).
    /// </summary>
    public static IReadOnlyList<string> LeonardoUsers(ProjectSettings settings, string planFile)
    {
        var users = SequenceModels(planFile).Where(s => VideoModelId.IsLeonardo(s.Model)).Select(s => s.Id).ToList();
        if (VideoModelId.IsLeonardo(settings.VideoModel))
        {
            users.Insert(0, "project video_model");
        }

        return users;
    }

    /// <summary>The Leonardo key's line when <paramref name="users"/> (see <see cref="LeonardoUsers"/>) is not empty: present or missing, never shown.</summary>
    public static IEnumerable<(string Level, string Check, string Detail)> LeonardoKey(IReadOnlyDictionary<string, string?> environment, IReadOnlyList<string> users)
    {
        if (users.Count == 0)
        {
            yield break;
        }

        var who = $"used by {string.Join(", ", users)}";
        yield return string.IsNullOrWhiteSpace(environment.GetValueOrDefault("LEONARDO_API_KEY"))
            ? ("FAIL", "Leonardo key", $"missing: set LEONARDO_API_KEY ({who})")
            : ("ok", "Leonardo key", $"present ({who})");
    }

    /// <summary>
    /// One line per sequence that names its own <c>video_model</c>: the model's problem (unknown, retired, also by
    /// <c>retired_video_models</c>), else the first element image of the sequence outside that model's limits, else ok.
    /// </summary>
    public static IEnumerable<(string Level, string Check, string Detail)> SequenceModels(ClientPlan plan, ProjectSettings settings, string projectRoot)
    {
        var retired = settings.RetiredModels();
        for (var i = 0; i < plan.Sequences.Count; i++)
        {
            var sequence = plan.Sequences[i];
            if (string.IsNullOrWhiteSpace(sequence.VideoModel))
            {
                continue;
            }

            var model = sequence.VideoModel.Trim();
            var check = $"video model {sequence.Id}";
            if (VideoModelCatalog.Problem(model, retired) is { } problem)
            {
                yield return ("FAIL", check, $"$.sequences[{i}].video_model: {problem}");
                continue;
            }

            var caps = VideoModelCatalog.For(model, retired);
            var imageProblem = caps.MaxElementsWithStartFrame + caps.MaxElementsWithoutStartFrame == 0
                ? null
                : sequence.Elements.Select(id => plan.FindElement(id)).OfType<PlanElement>()
                    .Select(e => ImageProblem(caps, projectRoot, e)).FirstOrDefault(p => p is not null);
            yield return imageProblem is null
                ? ("ok", check, $"{caps.Id.Full}{(caps.MaxElementsWithStartFrame + caps.MaxElementsWithoutStartFrame == 0 ? " (takes no element images)" : ", element images within its limits")}")
                : ("FAIL", check, $"$.sequences[{i}].elements: {imageProblem}");
        }
    }

    private static string? ImageProblem(VideoModelCapabilities caps, string projectRoot, PlanElement element)
    {
        var file = Path.Combine(projectRoot, element.Image);
        try
        {
            var info = ImageHeader.Read(file);
            return caps.Images.Problem(info.Bytes, info.Width, info.Height, Path.GetExtension(file)) is { } problem
                ? $"{element.Image} is {problem} ({caps.Id.Full})"
                : null;
        }
        catch (ImagingException ex)
        {
            return $"{element.Image}: {ex.Message}";
        }
    }

    /// <summary>(sequence id, video_model) for every sequence of the plan naming one; empty when the plan cannot be read.</summary>
    private static List<(string Id, string Model)> SequenceModels(string planFile)
    {
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(planFile), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            if (!doc.RootElement.TryGetProperty("sequences", out var sequences) || sequences.ValueKind != JsonValueKind.Array)
            {
                return [];
            }

            return [.. sequences.EnumerateArray()
                .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("video_model", out var m) && m.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(m.GetString()))
                .Select((s, i) => (s.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString()! : $"sequence {i + 1}", s.GetProperty("video_model").GetString()!.Trim()))];
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
