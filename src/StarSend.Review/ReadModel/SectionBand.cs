namespace StarSend.Review.ReadModel;

/// <summary>A run of consecutive sequences of one section on the song's timeline: a chorus that comes back is two bands.</summary>
public sealed record SectionBand(string Name, double StartS, double EndS);
