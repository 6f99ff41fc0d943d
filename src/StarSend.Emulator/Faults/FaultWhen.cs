namespace StarSend.Emulator.Faults;

/// <summary>Which of a target's requests (1-based, counted from when the rule was set) a rule hits.</summary>
internal sealed record FaultWhen
{
    private FaultWhen(IReadOnlySet<int>? numbers, int from, int to, double? probability)
    {
        Numbers = numbers;
        From = from;
        To = to;
        Probability = probability;
    }

    public static FaultWhen Always { get; } = new(null, 1, int.MaxValue, null);

    public IReadOnlySet<int>? Numbers { get; }

    public int From { get; }

    public int To { get; }

    public double? Probability { get; }

    public static FaultWhen OnRequests(IReadOnlySet<int> numbers) => new(numbers, 0, 0, null);

    public static FaultWhen Between(int from, int to) => new(null, from, to, null);

    public static FaultWhen WithProbability(double p) => new(null, 0, 0, p);

    /// <summary>Whether request number <paramref name="n"/> is hit; <paramref name="draw"/> is only called for a probability.</summary>
    public bool Matches(int n, Func<double> draw)
    {
        if (Probability is { } p)
        {
            return draw() < p;
        }

        return Numbers is { } numbers ? numbers.Contains(n) : n >= From && n <= To;
    }
}
