using StarSend.Review.Pages;
using StarSend.Review.ReadModel;

namespace StarSend.Cli.Commands;

/// <summary>Writes the board and dailies pages of a project (used by <c>board</c>, <c>dailies</c> and <c>demo</c>).</summary>
internal static class ReviewPages
{
    public static string DefaultBoard(RunContext context) => context.Paths.Full(BoardPage.DefaultFile);

    public static string DefaultDailies(RunContext context) => context.Paths.Full(DailiesPage.DefaultFile);

    /// <summary>Where <c>--out FILE</c> points (relative to the current folder), or the default page of the project.</summary>
    public static string OutFile(RunContext context, string? option, string fallback) =>
        option is null ? fallback : Path.GetFullPath(option, context.Host.CurrentDirectory);

    public static async Task<ReviewProject> ReadAsync(ProjectSession session, CancellationToken cancellationToken) =>
        ReviewProject.Build(session.Plan, await session.Sequences.ReadAsync(cancellationToken), session.Settings);

    public static async Task<string> WriteBoardAsync(RunContext context, ReviewProject project, string file, CancellationToken cancellationToken)
    {
        var html = BoardPage.Render(project, context.Paths.Root, file, DefaultDailies(context), context.Time.GetUtcNow());
        await WriteAsync(file, html, cancellationToken);
        return file;
    }

    public static async Task<string> WriteDailiesAsync(RunContext context, ReviewProject project, DailiesFilter filter, string file, CancellationToken cancellationToken)
    {
        var html = DailiesPage.Render(project, filter, context.Paths.Root, file, DefaultBoard(context), context.Time.GetUtcNow());
        await WriteAsync(file, html, cancellationToken);
        return file;
    }

    /// <summary>Writes next to the target and renames, so an open page is never half written.</summary>
    private static async Task WriteAsync(string file, string html, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        var temp = file + ".tmp";
        await File.WriteAllTextAsync(temp, html, cancellationToken);
        File.Move(temp, file, overwrite: true);
    }
}
