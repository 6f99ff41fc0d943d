using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using StarSend.Review.Pages.Views;

namespace StarSend.Review.Pages;

/// <summary>
/// Renders the embedded Liquid templates with Fluid, always through an HTML encoder: every value from the plan or a
/// provider (prompts, names, errors) is written as text, in element content and in attributes alike. Only the
/// page's own CSS and script (embedded constants) go through <c>| raw</c>.
/// </summary>
internal static class PageRenderer
{
    private static readonly FluidParser _parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);
    private static readonly HtmlEncoder _encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static readonly TemplateOptions _options = CreateOptions();

    public static string Render(string template, object model)
    {
        var parsed = _templates.GetOrAdd(template, name =>
            _parser.TryParse(Asset(name), out var t, out var error) ? t : throw new InvalidOperationException($"template {name}: {error}"));
        return parsed.Render(new TemplateContext(model, _options), _encoder);
    }

    /// <summary>An embedded file of Templates/ as text.</summary>
    public static string Asset(string name)
    {
        using var stream = typeof(PageRenderer).Assembly.GetManifestResourceStream($"templates/{name}")
            ?? throw new InvalidOperationException($"missing embedded template {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;
        foreach (var type in new[]
        {
            typeof(BoardView), typeof(BandView), typeof(TickView), typeof(SegmentView), typeof(CardView), typeof(PictureView), typeof(SectionRowView),
            typeof(DailiesView), typeof(GroupView), typeof(TakeView), typeof(ShotView), typeof(WordSpan), typeof(EventView),
        })
        {
            options.MemberAccessStrategy.Register(type);
        }

        return options;
    }
}
