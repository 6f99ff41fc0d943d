using System.Text.Json;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Review.ReadModel;

namespace StarSend.Review.Decisions;

/// <summary>
/// <c>decisions.json</c> as the dailies page downloads it:
/// <c>{"format":"starsend-decisions","version":1,"project":…,"page_written_at":…,"reviewer":…,
/// "decisions":[{"sequence":"SEQ01","take":2,"take_stamp":"…","action":"approve|retake|hold|note","reason":…,"text":…}]}</c>.
/// <see cref="Check"/> reads and checks the whole file against the plan and the current state before anything is
/// applied: malformed JSON, unknown sequence or take, a take that changed since the page was written (its stamp), a
/// decision not legal in the sequence's state — each one line with its JSON path.
/// </summary>
public static class DecisionsFile
{
    public const string Format = "starsend-decisions";
    public const int Version = 1;

    /// <summary>The checked decisions, in file order, and the reviewer the file names (if any).</summary>
    /// <exception cref="DecisionsInvalidException">Every problem found; nothing may be applied.</exception>
    public static (IReadOnlyList<(string Sequence, ReviewDecision Decision)> Decisions, string? Reviewer) Check(
        string fileName, byte[] bytes, ClientPlan plan, SequencesDocument state)
    {
        var problems = new List<PlanProblem>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException ex)
        {
            throw new DecisionsInvalidException(fileName, [new PlanProblem("$", $"not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1})")]);
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new DecisionsInvalidException(fileName, [new PlanProblem("$", "must be an object")]);
            }

            if (!root.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != Format)
            {
                problems.Add(new PlanProblem("$.format", $"must be \"{Format}\" (a file downloaded from the dailies page)"));
            }

            if (!root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != Version)
            {
                problems.Add(new PlanProblem("$.version", $"must be {Version}"));
            }

            if (!root.TryGetProperty("project", out var project) || project.ValueKind != JsonValueKind.String || project.GetString() != plan.Project)
            {
                problems.Add(new PlanProblem("$.project", $"must be \"{plan.Project}\", the project these decisions are imported into"));
            }

            string? reviewer = null;
            if (root.TryGetProperty("reviewer", out var r) && r.ValueKind != JsonValueKind.Null)
            {
                reviewer = r.ValueKind == JsonValueKind.String ? r.GetString() : null;
                if (r.ValueKind != JsonValueKind.String)
                {
                    problems.Add(new PlanProblem("$.reviewer", "must be a string"));
                }
            }

            var decisions = new List<(string, ReviewDecision)>();
            if (!root.TryGetProperty("decisions", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new PlanProblem("$.decisions", "must be an array"));
            }
            else
            {
                var simulated = new Dictionary<string, SequenceRecord>(StringComparer.Ordinal);
                var stamp = new ReviewStamp("check", DateTimeOffset.UnixEpoch, "check");
                var i = 0;
                foreach (var item in items.EnumerateArray())
                {
                    var at = $"$.decisions[{i++}]";
                    if (ReadDecision(item, at, plan, state, problems) is not { } decision)
                    {
                        continue;
                    }

                    var current = simulated.GetValueOrDefault(decision.Sequence) ?? state.Sequences.GetValueOrDefault(decision.Sequence) ?? new SequenceRecord { Id = decision.Sequence };
                    try
                    {
                        simulated[decision.Sequence] = SequenceReview.Decide(current, decision.Decision, stamp);
                        decisions.Add(decision);
                    }
                    catch (StarSendException ex)
                    {
                        problems.Add(new PlanProblem(at, ex.Message));
                    }
                }
            }

            return problems.Count > 0 ? throw new DecisionsInvalidException(fileName, problems) : (decisions, reviewer);
        }
    }

    private static (string Sequence, ReviewDecision Decision)? ReadDecision(JsonElement item, string at, ClientPlan plan, SequencesDocument state, List<PlanProblem> problems)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            problems.Add(new PlanProblem(at, "must be an object"));
            return null;
        }

        var before = problems.Count;
        var sequence = String(item, "sequence");
        if (sequence is null || plan.FindSequence(sequence) is null)
        {
            problems.Add(new PlanProblem($"{at}.sequence", sequence is null ? "missing" : $"unknown sequence '{sequence}'"));
            return null;
        }

        var record = state.Sequences.GetValueOrDefault(sequence);
        Take? take = null;
        if (!item.TryGetProperty("take", out var t) || t.ValueKind != JsonValueKind.Number || !t.TryGetInt32(out var number))
        {
            problems.Add(new PlanProblem($"{at}.take", "must be a take number"));
        }
        else if ((take = record?.Takes.FirstOrDefault(x => x.Number == number)) is null)
        {
            problems.Add(new PlanProblem($"{at}.take", $"{sequence} has no take {number}"));
        }
        else if (String(item, "take_stamp") is not { } stamp || stamp != TakeStamp.Of(take))
        {
            problems.Add(new PlanProblem($"{at}.take_stamp", $"{sequence} take {number} changed since the page was written; write the dailies again"));
        }

        var actionText = String(item, "action");
        ReviewAction? action = actionText switch
        {
            "approve" => ReviewAction.Approve,
            "retake" => ReviewAction.Retake,
            "hold" => ReviewAction.Hold,
            "note" => ReviewAction.Note,
            _ => null,
        };
        if (action is null)
        {
            problems.Add(new PlanProblem($"{at}.action", actionText is null ? "missing; one of approve, retake, hold, note" : $"'{actionText}' is not one of approve, retake, hold, note"));
        }

        var text = action switch
        {
            ReviewAction.Retake => Required(item, "reason", at, problems),
            ReviewAction.Note => Required(item, "text", at, problems),
            _ => null,
        };
        return problems.Count > before || take is null || action is null ? null : (sequence, new ReviewDecision(action.Value, take.Number, text));
    }

    private static string? Required(JsonElement item, string name, string at, List<PlanProblem> problems)
    {
        var value = String(item, name);
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add(new PlanProblem($"{at}.{name}", "must be a non-empty string"));
        }

        return value;
    }

    private static string? String(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
