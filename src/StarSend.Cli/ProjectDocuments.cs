using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Projects;
using StarSend.Core.Settings;
using StarSend.Core.Providers.VideoModels;

namespace StarSend.Cli;

/// <summary>A project's checked plan (with its warnings for the project's video model) and its settings.</summary>
internal sealed record ProjectDocuments(PlanReport Report, ProjectSettings Settings)
{
    /// <summary>
    /// Reads and checks the plan and the settings of the project at <paramref name="paths"/>; <paramref name="images"/>
    /// says how far the plan check looks into element images. Throws <see cref="BadInputException"/> when there is no
    /// plan or the settings are wrong, <see cref="PlanInvalidException"/> with every problem of the plan.
    /// </summary>
    public static ProjectDocuments Load(ProjectPaths paths, IReadOnlyDictionary<string, string?> environment, ElementImageDepth images) =>
        Load(paths, () => environment, images);

    /// <summary>
    /// As the other overload, asking for the environment only once the plan is read (it is needed for the settings):
    /// <c>status</c> starts reading before the process's environment has been copied (#12).
    /// </summary>
    public static ProjectDocuments Load(ProjectPaths paths, Func<IReadOnlyDictionary<string, string?>> environment, ElementImageDepth images)
    {
        if (!File.Exists(paths.PlanFile))
        {
            throw new BadInputException($"no client_plan.json in {paths.Root}; pass --project DIR or run 'starsend init DIR --plan FILE'");
        }

        var report = PlanLoader.Load(paths.Root, images);
        StartupDiagnostics.Mark("plan");
        var settings = SettingsLoader.Load(paths, environment());

        // Every sequence against the model it will use, now that the project's model is known (issue #11).
        SequenceModelCheck.ThrowIfInvalid(report.Plan, paths.PlanFile, settings.VideoModel, null, settings.RetiredModels());
        return new ProjectDocuments(report with { Warnings = PlanLoader.WarningsFor(report.Plan, settings.VideoModel) }, settings);
    }
}
