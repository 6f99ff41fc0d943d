namespace StarSend.Emulator.Faults;

/// <summary>The rules in force and each target's request count since they were set.</summary>
internal sealed class FaultBook(int seed)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, int> _seen = [];
    private IReadOnlyList<FaultRule> _rules = [];
    private Random _random = new(seed);

    public string? Spec { get; private set; }

    /// <summary>Parses and installs <paramref name="spec"/>; the old rules stay when it does not parse.</summary>
    public void Replace(string? spec)
    {
        var rules = FaultSpec.Parse(spec);
        lock (_gate)
        {
            _rules = rules;
            Spec = spec;
            _seen.Clear();
            _random = new Random(seed);
        }
    }

    /// <summary>Counts one request to <paramref name="target"/> and returns the first rule that hits it.</summary>
    public FaultRule? Next(string target) => Next(target, null);

    /// <summary>As <see cref="Next(string)"/> for a request naming <paramref name="model"/>: a rule for another model does not hit it.</summary>
    public FaultRule? Next(string target, string? model)
    {
        lock (_gate)
        {
            var n = _seen.GetValueOrDefault(target) + 1;
            _seen[target] = n;
            foreach (var rule in _rules)
            {
#pragma warning disable CA5394 // Faults need a reproducible sequence, not a secure one.
                if (rule.Target == target && rule.IsFor(model) && rule.When.Matches(n, _random.NextDouble))
#pragma warning restore CA5394
                {
                    return rule;
                }
            }

            return null;
        }
    }
}
