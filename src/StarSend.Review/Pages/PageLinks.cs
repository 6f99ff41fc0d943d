namespace StarSend.Review.Pages;

/// <summary>
/// Links from a page to project files, relative to the page's folder (so the project folder can be moved or zipped),
/// each path segment percent-encoded.
/// </summary>
/// <param name="projectRoot">The project folder (absolute).</param>
/// <param name="pageFile">Where the page is written (absolute).</param>
public sealed class PageLinks(string projectRoot, string pageFile)
{
    private readonly string _pageDir = Path.GetDirectoryName(Path.GetFullPath(pageFile))!;

    /// <summary>The URL of project-relative <paramref name="projectRelative"/> from the page; empty for null or empty.</summary>
    public string ToProjectFile(string? projectRelative) =>
        string.IsNullOrEmpty(projectRelative) ? string.Empty : ToFile(Path.Combine(projectRoot, projectRelative));

    /// <summary>The URL of an absolute <paramref name="path"/> from the page.</summary>
    public string ToFile(string path)
    {
        var relative = Path.GetRelativePath(_pageDir, Path.GetFullPath(path)).Replace('\\', '/');
        return string.Join('/', relative.Split('/').Select(s => s is ".." or "." ? s : Uri.EscapeDataString(s)));
    }
}
