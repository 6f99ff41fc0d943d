using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Json;
using StarSend.Core.Projects;

namespace StarSend.Core.Settings;

/// <summary>
/// Reads the optional <c>starsend.json</c> (a missing file means defaults), checks every value, then applies the
/// URL overrides from the environment. API keys are never settings: they are neither read nor kept here.
/// </summary>
public static class SettingsLoader
{
    public const string FalQueueUrlVariable = "STARSEND_FAL_QUEUE_URL";
    public const string FalRestUrlVariable = "STARSEND_FAL_REST_URL";
    public const string GeminiUrlVariable = "STARSEND_GEMINI_URL";
    public const string LeonardoUrlVariable = "STARSEND_LEONARDO_URL";

    private const long MaxSettingsBytes = 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Throws <see cref="BadInputException"/> listing every problem, one per line.</summary>
    public static ProjectSettings Load(ProjectPaths paths, IReadOnlyDictionary<string, string?> environment)
    {
        var problems = new List<string>();
        var settings = File.Exists(paths.SettingsFile) ? ReadFile(paths.SettingsFile, problems) : new ProjectSettings();
        settings = ApplyEnvironment(settings ?? new ProjectSettings(), environment, problems);
        return problems.Count == 0 ? settings : throw new BadInputException(string.Join('\n', problems));
    }

    private static ProjectSettings? ReadFile(string file, List<string> problems)
    {
        var name = Path.GetFileName(file);
        string text;
        try
        {
            if (new FileInfo(file).Length > MaxSettingsBytes)
            {
                problems.Add($"{name}: larger than {MaxSettingsBytes / 1024} KB; settings are a few lines");
                return null;
            }

            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problems.Add($"{name}: cannot be read ({ex.Message})");
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            var found = SettingsValidator.Validate(document.RootElement);
            problems.AddRange(found.Select(p => $"{name} {p}"));
            return found.Count == 0 ? Normalize(document.RootElement.Deserialize<ProjectSettings>(StarSendJson.Options)!) : null;
        }
        catch (JsonException ex)
        {
            problems.Add(ex.LineNumber is { } line
                ? $"{name}: not valid JSON at line {line + 1}, column {ex.BytePositionInLine + 1}"
                : $"{name} {ex.Path ?? "$"}: could not be read as settings");
            return null;
        }
    }

    /// <summary>Trims URLs; an <c>image_models</c> / <c>video_models</c> list sets the singular settings to its first item(s), so every reader of those sees the primary model.</summary>
    private static ProjectSettings Normalize(ProjectSettings settings) => settings with
    {
        VideoModel = settings.VideoModels is [var video, ..] ? video : settings.VideoModel,
        ImageModel = settings.ImageModels is [var image, ..] ? image : settings.ImageModel,
        ImageFallbackModel = settings.ImageModels is [var first, ..] list ? (list.Count > 1 ? list[1] : first) : settings.ImageFallbackModel,
        FalQueueUrl = settings.FalQueueUrl.TrimEnd('/'),
        FalRestUrl = settings.FalRestUrl.TrimEnd('/'),
        GeminiUrl = settings.GeminiUrl.TrimEnd('/'),
        LeonardoUrl = settings.LeonardoUrl.TrimEnd('/'),
    };

    private static ProjectSettings ApplyEnvironment(ProjectSettings settings, IReadOnlyDictionary<string, string?> environment, List<string> problems)
    {
        string? Url(string variable, string current)
        {
            if (!environment.TryGetValue(variable, out var value) || string.IsNullOrWhiteSpace(value))
            {
                return current;
            }

            if (SettingsValidator.UrlProblem(value.Trim()) is { } reason)
            {
                problems.Add($"{variable}: {reason}");
                return current;
            }

            return value.Trim().TrimEnd('/');
        }

        return settings with
        {
            FalQueueUrl = Url(FalQueueUrlVariable, settings.FalQueueUrl)!,
            FalRestUrl = Url(FalRestUrlVariable, settings.FalRestUrl)!,
            GeminiUrl = Url(GeminiUrlVariable, settings.GeminiUrl)!,
            LeonardoUrl = Url(LeonardoUrlVariable, settings.LeonardoUrl)!,
        };
    }
}
