using StarSend.Core.Errors;
using StarSend.Imaging;

namespace StarSend.Core.Plans.Validation;

/// <summary>
/// What StarSend does to element images producers bring from phones and design tools, reported by <c>validate</c>
/// with every other warning: EXIF-rotated photos are sent upright, CMYK JPEGs converted to sRGB, 16-bit PNGs sent
/// as 8-bit. (HEIC and other unreadable files are problems, reported by <see cref="ElementImageCheck"/>.)
/// </summary>
internal static class ElementImageNotes
{
    public static IReadOnlyList<PlanProblem> For(ClientPlan plan, string projectRoot)
    {
        var notes = new List<PlanProblem>();
        for (var e = 0; e < plan.Elements.Count; e++)
        {
            var element = plan.Elements[e];
            Add(notes, projectRoot, $"$.elements[{e}].image", element.Image);
            for (var r = 0; r < element.ReferenceImages.Count; r++)
            {
                Add(notes, projectRoot, $"$.elements[{e}].reference_images[{r}]", element.ReferenceImages[r]);
            }
        }

        return notes;
    }

    private static void Add(List<PlanProblem> notes, string root, string path, string relative)
    {
        ImageInfo info;
        try
        {
            info = ImageHeader.Read(Path.Combine(root, relative));
        }
        catch (ImagingException)
        {
            return;
        }

        var name = Path.GetFileName(relative);
        if (info.Rotated)
        {
            notes.Add(new(path, $"{name} is a rotated photo (EXIF orientation {info.Orientation}); its upright size is {info.Width}x{info.Height} px and it is sent upright"));
        }

        if (info.Cmyk)
        {
            notes.Add(new(path, $"{name} is a CMYK JPEG; it is converted to sRGB when sent"));
        }

        if (info.BitsPerChannel == 16)
        {
            notes.Add(new(path, $"{name} is a 16-bit PNG; it is read as 8 bits a channel"));
        }
    }
}
