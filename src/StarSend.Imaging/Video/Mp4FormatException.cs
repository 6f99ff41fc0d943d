namespace StarSend.Imaging.Video;

/// <summary>Why an MP4 is broken, without the file: <see cref="Mp4Inspector"/> adds it once.</summary>
internal sealed class Mp4FormatException(string detail) : Exception(detail);
