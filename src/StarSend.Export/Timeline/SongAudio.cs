namespace StarSend.Export.Timeline;

/// <summary>The song's audio file named by the plan's <c>song.audio</c>.</summary>
/// <param name="File">Absolute path.</param>
/// <param name="ProjectFile">The path as the plan gives it.</param>
/// <param name="Kind">The container its bytes say: wav, aiff, flac, mp3, ogg, m4a.</param>
/// <param name="SampleRate">Samples per second when the header says (WAV, AIFF, FLAC); otherwise 48000.</param>
/// <param name="Channels">Channels when the header says; otherwise 2.</param>
/// <param name="Duration">Frames of the song on the timeline.</param>
public sealed record SongAudio(string File, string ProjectFile, string Kind, int SampleRate, int Channels, long Duration);
