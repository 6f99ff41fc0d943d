namespace StarSend.Core.Projects;

/// <summary>Every path of a project folder (DESIGN.md, A project on disk). Ids are validated before they reach here.</summary>
public sealed record ProjectPaths(string Root)
{
    public string PlanFile => Path.Combine(Root, "client_plan.json");

    public string SettingsFile => Path.Combine(Root, "starsend.json");

    public string StateDir => Path.Combine(Root, "state");

    public string SequencesFile => Path.Combine(Root, "state", "client", "sequences.json");

    public string ExecutionsFile => Path.Combine(Root, "state", "executions.json");

    public string LockFile => Path.Combine(Root, "state", "project.lock");

    public string GridsDir => Path.Combine(Root, "media", "grids");

    public string StartFramesDir => Path.Combine(Root, "media", "start_frames");

    public string VideosDir => Path.Combine(Root, "media", "videos");

    public string LogsDir => Path.Combine(Root, "logs");

    public string Full(string projectRelative) => Path.GetFullPath(Path.Combine(Root, projectRelative));

    public string Relative(string fullPath) => Path.GetRelativePath(Root, fullPath).Replace('\\', '/');

    public IEnumerable<string> LayoutDirs =>
        [Path.Combine(Root, "elements"), Path.Combine(StateDir, "client"), GridsDir, StartFramesDir, VideosDir, LogsDir];
}
