using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Json;
using StarSend.Core.Plans.Validation;
using StarSend.Core.Providers.VideoModels;

namespace StarSend.Core.Plans;

/// <summary>
/// Reads <c>client_plan.json</c> and validates it whole: every problem is reported at once with its JSON path
/// (<see cref="PlanInvalidException"/>), and nothing is ever written.
/// </summary>
public static class PlanLoader
{
    public const string FileName = "client_plan.json";

    // A plan is a few kilobytes; a huge file is a mistake, not a plan.
    private const long MaxPlanBytes = 16L * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static PlanReport Load(string projectDir) => Load(projectDir, Path.Combine(projectDir, FileName));

    /// <summary>Loads the project's plan, looking into element images only as far as <paramref name="images"/> says.</summary>
    public static PlanReport Load(string projectDir, ElementImageDepth images)
    {
        var file = Path.GetFullPath(Path.Combine(projectDir, FileName));
        return Parse(ReadText(file), Path.GetFullPath(projectDir), file, images);
    }

    /// <summary>Loads a plan kept outside its project (e.g. <c>init --plan FILE</c>); element images resolve against <paramref name="projectDir"/>.</summary>
    public static PlanReport Load(string projectDir, string planFile)
    {
        var file = Path.GetFullPath(planFile);
        return Parse(ReadText(file), Path.GetFullPath(projectDir), file);
    }

    /// <summary>Validates plan text as if it were <paramref name="file"/> in <paramref name="projectRoot"/>.</summary>
    public static PlanReport Parse(string json, string projectRoot, string file) => Parse(json, projectRoot, file, ElementImageDepth.Headers);

    private static PlanReport Parse(string json, string projectRoot, string file, ElementImageDepth images)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw Invalid(file, "$", $"not valid JSON at line {ex.LineNumber + 1}, column {ex.BytePositionInLine + 1}");
        }

        using (document)
        {
            var problems = new PlanValidator(projectRoot, images).Validate(document.RootElement);
            if (problems.Count > 0)
            {
                throw new PlanInvalidException(file, problems);
            }

            ClientPlan plan;
            try
            {
                plan = document.RootElement.Deserialize<ClientPlan>(StarSendJson.Options)
                    ?? throw Invalid(file, "$", "expected an object, got null");
            }
            catch (JsonException ex)
            {
                // The walk above should catch everything; this keeps a gap between the two from ever surfacing as a crash.
                throw Invalid(file, ex.Path ?? "$", "could not be read as a plan");
            }

            // A sequence that names its own video_model is checked against it here; the project's model is checked
            // once settings are known (SequenceModelCheck in the session).
            var modelProblems = plan.Sequences
                .SelectMany((s, i) => string.IsNullOrWhiteSpace(s.VideoModel) ? [] : SequenceModelCheck.Check(s, $"$.sequences[{i}]", s.VideoModel))
                .ToList();
            if (modelProblems.Count > 0)
            {
                throw new PlanInvalidException(file, modelProblems);
            }

            return new PlanReport(plan, images == ElementImageDepth.Headers ? [.. PlanWarnings.For(plan), .. ElementImageNotes.For(plan, projectRoot)] : PlanWarnings.For(plan));
        }
    }

    /// <summary>The plan's warnings when the project's video model is <paramref name="projectModel"/> (settings decide it).</summary>
    public static IReadOnlyList<PlanProblem> WarningsFor(ClientPlan plan, string projectModel) => PlanWarnings.For(plan, projectModel);

    private static string ReadText(string file)
    {
        try
        {
            return new FileInfo(file).Length > MaxPlanBytes
                ? throw Invalid(file, "$", $"the file is larger than {MaxPlanBytes / 1024 / 1024} MB")
                : File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Invalid(file, "$", "file not found");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Invalid(file, "$", $"cannot be read ({ex.Message})");
        }
    }

    private static PlanInvalidException Invalid(string file, string path, string reason) => new(file, [new PlanProblem(path, reason)]);
}
