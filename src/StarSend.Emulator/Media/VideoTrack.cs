namespace StarSend.Emulator.Media;

/// <summary>Everything the moov box describes: the picture, its parameter sets, timing and the size of each sample.</summary>
internal sealed record VideoTrack(
    FrameGeometry Geometry,
    byte[] Sps,
    byte[] Pps,
    SampleTiming Timing,
    IReadOnlyList<int> SampleSizes);
