using System.Text.Json;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Core.Costs;

/// <summary>
/// Every paid call of a project with its three figures, read from <c>state/executions.json</c> as JSON (so statuses
/// and fields added by newer versions read without failing) and matched to the plan's sequences and sections and to the
/// takes and grids in <c>sequences.json</c>.
/// </summary>
public static class CostLedger
{
    /// <summary>The provider-reported charge, when an execution records one.</summary>
    public const string ReportedField = "provider_cost_usd";

    /// <summary>Reads the ledger; an absent file is an empty ledger.</summary>
    public static IReadOnlyList<CostEntry> Read(string executionsFile, ClientPlan plan, SequencesDocument sequences)
    {
        if (!File.Exists(executionsFile))
        {
            return [];
        }

        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(File.ReadAllBytes(executionsFile));
        }
        catch (JsonException ex)
        {
            var line = ex.LineNumber is { } l ? $" at line {l + 1}" : string.Empty;
            throw new Errors.StateFileException($"{Path.GetFileName(executionsFile)} is unreadable{line}: not valid JSON; fix it or restore it from a backup", ex);
        }

        using var doc = parsed;
        if (!doc.RootElement.TryGetProperty("executions", out var executions) || executions.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var owners = Owners(sequences);
        var entries = new List<CostEntry>();
        foreach (var property in executions.EnumerateObject())
        {
            var e = property.Value;
            var id = Text(e, "id") ?? property.Name;
            var stepId = Text(e, "step_id") ?? id;
            var sequence = SequenceOf(plan, stepId);
            var status = Text(e, "status") ?? "unknown";
            var hasOutputs = e.TryGetProperty("outputs", out var outputs) && outputs.ValueKind == JsonValueKind.Array && outputs.GetArrayLength() > 0;
            entries.Add(new CostEntry
            {
                ExecutionId = id,
                StepId = stepId,
                Sequence = sequence?.Id,
                Section = sequence?.Section,
                Take = owners.GetValueOrDefault(id, "unrecorded"),
                Model = Text(e, "model") ?? "unknown",
                Status = status,
                EstimateUsd = Money(e, "cost_usd") ?? 0m,
                ReportedUsd = Money(e, ReportedField),
                FinalState = CostStates.Of(status, hasOutputs, Money(e, "cost_usd") ?? 0m),
            });
        }

        return entries.OrderBy(x => x.Sequence is null).ThenBy(x => x.Sequence, StringComparer.Ordinal).ThenBy(x => x.ExecutionId, StringComparer.Ordinal).ToList();
    }

    /// <summary>The plan sequence a step belongs to: the longest id equal to the step id or followed by <c>_</c> or <c>#</c>.</summary>
    public static PlanSequence? SequenceOf(ClientPlan plan, string stepId) =>
        plan.Sequences.Where(s => stepId == s.Id || stepId.StartsWith(s.Id + "_", StringComparison.Ordinal) || stepId.StartsWith(s.Id + "#", StringComparison.Ordinal))
            .OrderByDescending(s => s.Id.Length).FirstOrDefault();

    private static Dictionary<string, string> Owners(SequencesDocument sequences)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var record in sequences.Sequences.Values)
        {
            foreach (var take in record.Takes)
            {
                foreach (var id in take.ExecutionIds)
                {
                    owners[id] = $"take {take.Number}";
                }
            }

            foreach (var analysis in record.Analyses)
            {
                owners[analysis.ExecutionId] = $"analysis {analysis.Number}";
            }

            foreach (var rewrite in record.Rewrites)
            {
                owners[rewrite.ExecutionId] = $"feedback rewrite {rewrite.Number} (of take {rewrite.BaseTake})";
            }

            foreach (var grid in record.Grids)
            {
                foreach (var id in grid.ExecutionIds)
                {
                    owners[id] = $"grid {grid.Number}";
                }
            }
        }

        return owners;
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static decimal? Money(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDecimal() : null;
}
