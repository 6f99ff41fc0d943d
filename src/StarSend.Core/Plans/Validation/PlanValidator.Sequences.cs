using System.Text.Json;

namespace StarSend.Core.Plans.Validation;

internal sealed partial class PlanValidator
{
    private void CheckSequences(JsonElement plan, double? songSeconds, HashSet<string> elementIds)
    {
        if (_fields.Array(plan, "$", "sequences", Need.Required) is not { } sequences)
        {
            return;
        }

        if (sequences.GetArrayLength() == 0)
        {
            _fields.Add("$.sequences", "the plan has no sequences");
            return;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var sequence in sequences.EnumerateArray())
        {
            var path = JsonFields.Item("$.sequences", index++);
            if (!_fields.IsObject(sequence, path))
            {
                continue;
            }

            CheckId(sequence, path, ids, "sequence");
            _fields.Text(sequence, path, "section", Need.Required);
            CheckTimes(sequence, path, songSeconds);
            _fields.Text(sequence, path, "description", Need.Nullable, blankAllowed: true);
            _fields.Text(sequence, path, "grid_prompt", Need.Nullable);
            CheckVideoModel(sequence, path);
            CheckSequenceElements(sequence, path, elementIds);
            CheckShots(sequence, path);
        }
    }

    /// <summary>The optional <c>video_model</c>: a retired or unknown model is refused here, before anything is paid.</summary>
    private void CheckVideoModel(JsonElement sequence, string path)
    {
        if (_fields.Text(sequence, path, "video_model", Need.Nullable) is { } model && Providers.VideoModels.VideoModelCatalog.Problem(model) is { } problem)
        {
            _fields.Add($"{path}.video_model", problem);
        }
    }

    private void CheckTimes(JsonElement sequence, string path, double? songSeconds)
    {
        var start = _fields.Number(sequence, path, "start_s", Need.Required, "a number of seconds");
        var end = _fields.Number(sequence, path, "end_s", Need.Required, "a number of seconds");
        if (start < 0)
        {
            _fields.Add($"{path}.start_s", $"must be 0 or more, got {JsonFields.Format(start.Value)}");
        }

        if (start is { } s && end is { } e && s >= e)
        {
            _fields.Add($"{path}.end_s", $"must be after start_s ({JsonFields.Format(s)} s), got {JsonFields.Format(e)}");
        }

        if (songSeconds is not { } song)
        {
            return;
        }

        if (start > song)
        {
            _fields.Add($"{path}.start_s", $"is past the end of the song ({JsonFields.Format(song)} s), got {JsonFields.Format(start.Value)}");
        }

        if (end > song)
        {
            _fields.Add($"{path}.end_s", $"is past the end of the song ({JsonFields.Format(song)} s), got {JsonFields.Format(end.Value)}");
        }
    }

    private void CheckSequenceElements(JsonElement sequence, string path, HashSet<string> elementIds)
    {
        if (_fields.Array(sequence, path, "elements", Need.Optional) is not { } elements)
        {
            return;
        }

        var listPath = $"{path}.elements";
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in elements.EnumerateArray())
        {
            var itemPath = JsonFields.Item(listPath, index++);
            if (element.ValueKind != JsonValueKind.String)
            {
                _fields.Add(itemPath, $"expected an element id, got {JsonFields.Describe(element)}");
                continue;
            }

            var id = element.GetString()!;
            if (!elementIds.Contains(id))
            {
                _fields.Add(itemPath, $"unknown element {JsonFields.Quote(id)}: not in $.elements");
            }
            else if (!seen.Add(id))
            {
                _fields.Add(itemPath, $"element {JsonFields.Quote(id)} is listed twice");
            }
        }
    }

    private void CheckShots(JsonElement sequence, string path)
    {
        if (_fields.Array(sequence, path, "shots", Need.Required) is not { } shots)
        {
            return;
        }

        var listPath = $"{path}.shots";
        if (shots.GetArrayLength() == 0)
        {
            _fields.Add(listPath, "a sequence needs at least one shot");
            return;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var shot in shots.EnumerateArray())
        {
            var shotPath = JsonFields.Item(listPath, index++);
            if (!_fields.IsObject(shot, shotPath))
            {
                continue;
            }

            CheckId(shot, shotPath, ids, "shot");
            if (_fields.Text(shot, shotPath, "prompt", Need.Required) is { } prompt && prompt.EnumerateRunes().Count() is var length && length > PlanLimits.MaxPromptCharacters)
            {
                _fields.Add($"{shotPath}.prompt", $"is {length} characters; Kling takes at most {PlanLimits.MaxPromptCharacters}");
            }

            var duration = _fields.Whole(shot, shotPath, "duration", Need.Required, "a whole number of seconds");
            if (duration is { } d && d is < PlanLimits.MinShotSeconds or > PlanLimits.MaxShotSeconds)
            {
                _fields.Add($"{shotPath}.duration", $"must be {PlanLimits.MinShotSeconds}–{PlanLimits.MaxShotSeconds} seconds (what Kling accepts), got {d}");
            }

            _fields.Flag(shot, shotPath, "own_start_frame", Need.Optional);
        }
    }
}
