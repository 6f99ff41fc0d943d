namespace StarSend.Review.Tests.Support;

/// <summary>A browser test: skipped only when Chromium is missing and <c>STARSEND_CHROMIUM_OPTIONAL=1</c> says that is fine.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (Chromium.ExecutablePath is null && Chromium.Optional)
        {
            Skip = "Chromium is not installed and STARSEND_CHROMIUM_OPTIONAL=1 (install Debian's chromium, or set STARSEND_CHROMIUM)";
        }
    }
}
