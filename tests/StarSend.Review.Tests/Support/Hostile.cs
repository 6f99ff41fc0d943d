namespace StarSend.Review.Tests.Support;

/// <summary>Text that would run script if any page wrote it unescaped, in element content or in an attribute.</summary>
public static class Hostile
{
    public const string Prompt = "<script>window.__pwned=1</script>\"><img src=x onerror=\"window.__pwned=2\"> wide over the bay";

    public const string Description = "'><svg onload=\"window.__pwned=3\"></svg><b>bold</b> harbour";

    public const string Note = "</li><script>window.__pwned=4</script><img src=x onerror=window.__pwned=5>";
}
