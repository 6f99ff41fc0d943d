using StarSend.Testing;

namespace StarSend.Export.Tests;

/// <summary>A fact that needs xmllint (Debian's libxml2-utils): skipped when it is missing, unless STARSEND_REQUIRE_XMLLINT is 1.</summary>
public sealed class XmllintFactAttribute : FactAttribute
{
    public XmllintFactAttribute()
    {
        Skip = ExternalTool.SkipReason("STARSEND_REQUIRE_XMLLINT", "libxml2-utils", "xmllint");
    }
}
