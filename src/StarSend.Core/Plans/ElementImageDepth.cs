namespace StarSend.Core.Plans;

/// <summary>How far loading a plan looks into the element images it names.</summary>
public enum ElementImageDepth
{
    /// <summary>
    /// Every image's header (format, upright size, aspect, bytes against Kling's limits) and the notes on rotated, CMYK
    /// and 16-bit images. What every command that writes, pays or sends does.
    /// </summary>
    Headers,

    /// <summary>
    /// Only that each image is inside the project folder and exists; no image is opened, so the imaging stack is not
    /// loaded. For read-only commands that show the project (<c>status</c>, issue #12's start-up target).
    /// </summary>
    Presence,
}
