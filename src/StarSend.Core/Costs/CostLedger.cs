using System.Text.Json;
using StarSend.Core.Executions;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Core.Costs;

/// <summary>
/// Every paid call of a project with its three figures, from the executions as the execution store reads them (the
/// submission journal folded in, so a call whose request id was journalled before a crash and not yet saved in
/// <c>state/executions.json</c> is counted), matched to the plan's sequences and sections and to the takes and grids
/// in <c>sequences.json</c>.
/// </summary>
public static class CostLedger
{
    /// <summary>The ledger of <paramref name="executions"/>, ordered by sequence (calls of no plan sequence last), then execution id.</summary>
    public static IReadOnlyList<CostEntry> Of(ExecutionsDocument executions, ClientPlan plan, SequencesDocument sequences)
    {
        var owners = Owners(sequences);
        var entries = new List<CostEntry>();
        foreach (var (key, e) in executions.Executions)
        {
            var id = string.IsNullOrEmpty(e.Id) ? key : e.Id;
            var sequence = SequenceOf(plan, e.StepId);
            var status = StatusName(e.Status);
            entries.Add(new CostEntry
            {
                ExecutionId = id,
                StepId = e.StepId,
                Sequence = sequence?.Id,
                Section = sequence?.Section,
                Take = owners.GetValueOrDefault(id, "unrecorded"),
                Model = e.Model,
                Status = status,
                EstimateUsd = e.CostUsd,
                ReportedUsd = e.ProviderCostUsd,
                FinalState = CostStates.Of(status, e.Outputs.Count > 0, e.CostUsd),
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

    /// <summary>The status as <c>executions.json</c> spells it (<c>complete</c>, <c>may_be_charged</c>...).</summary>
    private static string StatusName(ExecutionStatus status) => JsonSerializer.Serialize(status, Json.StarSendJson.Options).Trim('"');
}
