using StarSend.Core.Errors;
using StarSend.Core.Plans;

namespace StarSend.Core.Workflow;

/// <summary>
/// Which sequences a batch command names: ids, <c>--section NAME</c> or <c>--all</c> (exactly one), checked against the
/// plan alone, so a command can refuse a wrong name (exit 2) before it asks for provider keys or reads any state.
/// </summary>
public static class SequenceSelection
{
    /// <summary>The ids given (deduplicated, in the order given), a section's sequences, or all, in plan order.</summary>
    /// <exception cref="BadInputException">None or more than one of the three, an unknown id, or a section with no sequence (names what the plan has).</exception>
    public static IReadOnlyList<string> Select(ClientPlan plan, IReadOnlyList<string> ids, string? section, bool all)
    {
        if ((ids.Count > 0 ? 1 : 0) + (section is null ? 0 : 1) + (all ? 1 : 0) != 1)
        {
            throw new BadInputException("name the sequences: give sequence ids, --section NAME or --all (one of them)");
        }

        if (all)
        {
            return [.. plan.Sequences.Select(s => s.Id)];
        }

        if (section is not null)
        {
            var inSection = plan.Sequences.Where(s => string.Equals(s.Section, section, StringComparison.OrdinalIgnoreCase)).Select(s => s.Id).ToList();
            return inSection.Count > 0
                ? inSection
                : throw new BadInputException($"no sequence in section '{section}'; sections are {string.Join(", ", plan.Sequences.Select(s => s.Section).Distinct())}");
        }

        foreach (var id in ids)
        {
            _ = plan.FindSequence(id) ?? throw new BadInputException(
                $"unknown sequence '{id}'; the plan has {string.Join(", ", plan.Sequences.Select(s => s.Id))}");
        }

        return [.. ids.Distinct(StringComparer.Ordinal)];
    }
}
