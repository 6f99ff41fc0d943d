namespace StarSend.Cli.Commands;

/// <summary>
/// The <c>.gitignore</c> that <c>init</c> writes: what belongs to one machine or one run (logs, leases, the project
/// lock, the submission journal, temp files of atomic writes), not to the project's record. The plan, settings,
/// elements, state files and media stay versionable. <c>projects/demo/.gitignore</c> is the same text.
/// </summary>
internal static class ProjectGitIgnore
{
    public const string FileName = ".gitignore";

    public const string Text = """
        # Written by 'starsend init': per-machine and per-run files, not the project's record.
        /logs/
        /state/leases/
        /state/journal/
        /state/project.lock
        /state/project.lock.holder
        *.tmp

        """;
}
