namespace StarSend.Export.Formats;

/// <summary>Absolute <c>file://</c> URLs for media, as editors relink them.</summary>
internal static class MediaUrl
{
    public static string Of(string absolutePath) => new Uri(absolutePath).AbsoluteUri;
}
