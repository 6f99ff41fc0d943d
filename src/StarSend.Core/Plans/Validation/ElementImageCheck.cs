using System.Globalization;
using StarSend.Imaging;

namespace StarSend.Core.Plans.Validation;

/// <summary>
/// Checks an element image named by the plan: inside the project folder, present, PNG, JPEG or WebP (HEIC is refused
/// with "convert to JPEG or PNG"), and within what Kling accepts (size, sides, aspect). Dimensions come from the
/// header and are the upright ones (after EXIF orientation); the image is never decoded.
/// </summary>
internal sealed class ElementImageCheck
{
    private readonly string _root;
    private readonly ElementImageDepth _depth;
    private readonly Dictionary<string, IReadOnlyList<string>> _checked = new(StringComparer.Ordinal);

    public ElementImageCheck(string projectRoot, ElementImageDepth depth = ElementImageDepth.Headers)
    {
        _depth = depth;
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(projectRoot)) + Path.DirectorySeparatorChar;
    }

    /// <summary>Every reason the image cannot be used; empty when it can.</summary>
    public IReadOnlyList<string> Problems(string relative)
    {
        if (Path.IsPathRooted(relative))
        {
            return ["must be a path inside the project folder, not an absolute path"];
        }

        var full = Path.GetFullPath(Path.Combine(_root, relative));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
        {
            return ["points outside the project folder"];
        }

        if (!_checked.TryGetValue(full, out var problems))
        {
            problems = Inspect(full, relative);
            _checked[full] = problems;
        }

        return problems;
    }

    private List<string> Inspect(string full, string relative)
    {
        if (!File.Exists(full))
        {
            return [Directory.Exists(full) ? $"{relative} is a folder, not an image" : $"file not found: {relative}"];
        }

        // Presence only: no image is opened, and this method names no imaging type, so the imaging stack stays unloaded.
        return _depth == ElementImageDepth.Headers ? HeaderProblems(full) : [];
    }

    private static List<string> HeaderProblems(string full)
    {
        ImageInfo info;
        try
        {
            info = ImageHeader.Read(full);
        }
        catch (ImagingException ex)
        {
            return [ex.Message];
        }

        var problems = new List<string>();
        if (info.Bytes > PlanLimits.MaxImageBytes)
        {
            var megabytes = (info.Bytes / 1024d / 1024d).ToString("0.0", CultureInfo.InvariantCulture);
            problems.Add($"is {megabytes} MB; Kling takes at most {PlanLimits.MaxImageBytes / 1024 / 1024} MB");
        }

        var size = $"{info.Width}x{info.Height} px";
        if (Math.Min(info.Width, info.Height) < PlanLimits.MinImageSide)
        {
            problems.Add($"is {size}; Kling needs at least {PlanLimits.MinImageSide} px a side");
        }

        var aspect = (double)info.Width / info.Height;
        if (aspect is < PlanLimits.MinAspect or > PlanLimits.MaxAspect)
        {
            problems.Add($"is {size}; Kling needs an aspect ratio between 1:2.5 and 2.5:1");
        }

        return problems;
    }
}
