namespace StarSend.Imaging;

/// <summary>An image could not be read or written: broken, unsupported, or past a safety limit.</summary>
public sealed class ImagingException(string message, Exception? inner = null) : Exception(message, inner);
