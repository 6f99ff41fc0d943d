namespace StarSend.Emulator;

/// <summary>How the loopback emulator behaves. Job progress is derived from <see cref="Time"/>, so tests drive it with a manual clock.</summary>
public sealed record EmulatorOptions
{
    /// <summary>0 picks a free loopback port.</summary>
    public int Port { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>How long a submitted job stays IN_QUEUE.</summary>
    public TimeSpan QueueWait { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long a job stays IN_PROGRESS before it completes.</summary>
    public TimeSpan RunTime { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Fault rules (see FaultSpec for the syntax), e.g. <c>status:503@1,2;gemini:not-grid@1</c>.</summary>
    public string? Faults { get; init; }

    /// <summary>Why <paramref name="faults"/> (the <see cref="Faults"/> syntax) is not a valid set of rules, or null when it is.</summary>
    public static string? FaultsProblem(string? faults)
    {
        try
        {
            StarSend.Emulator.Faults.FaultSpec.Parse(faults);
            return null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>Seed for rate-based faults.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Extra latency before answering, per fault target (<c>submit</c>, <c>status</c>, <c>result</c>, <c>cancel</c>,
    /// <c>upload</c>, <c>download</c>, <c>gemini</c>), waited on <see cref="Time"/>.
    /// </summary>
    public IReadOnlyDictionary<string, TimeSpan> Latency { get; init; } = new Dictionary<string, TimeSpan>();
}
