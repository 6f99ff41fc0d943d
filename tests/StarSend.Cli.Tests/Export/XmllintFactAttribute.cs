using StarSend.Testing;

namespace StarSend.Cli.Tests.Export;

/// <summary>A fact that needs xmllint (libxml2-utils): skipped when missing unless STARSEND_REQUIRE_XMLLINT=1 (CI).</summary>
public sealed class XmllintFactAttribute : FactAttribute
{
    public XmllintFactAttribute()
    {
        Skip = ExternalTool.SkipReason("STARSEND_REQUIRE_XMLLINT", "libxml2-utils", "xmllint");
    }
}
