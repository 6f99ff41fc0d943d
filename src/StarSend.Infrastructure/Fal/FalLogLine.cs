namespace StarSend.Infrastructure.Fal;

/// <summary>One line of a job's log, as fal reports it.</summary>
internal sealed record FalLogLine(string? Timestamp, string Message);
