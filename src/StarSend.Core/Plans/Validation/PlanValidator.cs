using System.Text.Json;
using StarSend.Core.Errors;

namespace StarSend.Core.Plans.Validation;

/// <summary>
/// Checks a client plan's JSON tree as a whole and returns every problem with its path, so a producer fixes
/// the plan in one pass. Works on the raw document so it still reports when deserialization would fail.
/// </summary>
internal sealed partial class PlanValidator
{
    private static readonly string[] AspectRatios = ["16:9", "9:16", "1:1"];

    private readonly JsonFields _fields = new([]);
    private readonly ElementImageCheck _images;

    public PlanValidator(string projectRoot, ElementImageDepth images = ElementImageDepth.Headers)
    {
        _images = new ElementImageCheck(projectRoot, images);
    }

    public IReadOnlyList<PlanProblem> Validate(JsonElement plan)
    {
        if (!_fields.IsObject(plan, "$"))
        {
            return _fields.Problems;
        }

        _fields.Text(plan, "$", "project", Need.Required);
        var songSeconds = CheckSong(plan);
        _fields.Text(plan, "$", "style", Need.Nullable, blankAllowed: true);
        CheckAspectRatio(plan);
        var elementIds = CheckElements(plan);
        CheckSequences(plan, songSeconds, elementIds);
        return _fields.Problems;
    }

    private double? CheckSong(JsonElement plan)
    {
        if (_fields.Object(plan, "$", "song", Need.Required) is not { } song)
        {
            return null;
        }

        const string path = "$.song";
        _fields.Text(song, path, "title", Need.Required);
        var seconds = _fields.Number(song, path, "duration_s", Need.Required, "a number of seconds");
        if (seconds <= 0)
        {
            _fields.Add($"{path}.duration_s", $"must be more than 0 seconds, got {JsonFields.Format(seconds.Value)}");
            seconds = null;
        }

        if (_fields.Number(song, path, "bpm", Need.Nullable) is double bpm && bpm <= 0)
        {
            _fields.Add($"{path}.bpm", $"must be more than 0, got {JsonFields.Format(bpm)}");
        }

        return seconds;
    }

    private void CheckAspectRatio(JsonElement plan)
    {
        if (_fields.Text(plan, "$", "aspect_ratio", Need.Optional) is { } ratio && !AspectRatios.Contains(ratio))
        {
            var allowed = string.Join(", ", AspectRatios.Select(JsonFields.Quote));
            _fields.Add("$.aspect_ratio", $"expected one of {allowed}, got {JsonFields.Quote(ratio)}");
        }
    }

    /// <summary>Returns every element id the plan declares, valid or not, so a bad id is reported once, not again at each use.</summary>
    private HashSet<string> CheckElements(JsonElement plan)
    {
        var declared = new HashSet<string>(StringComparer.Ordinal);
        if (_fields.Array(plan, "$", "elements", Need.Optional) is not { } elements)
        {
            return declared;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in elements.EnumerateArray())
        {
            var path = JsonFields.Item("$.elements", index++);
            if (!_fields.IsObject(element, path))
            {
                continue;
            }

            if (CheckId(element, path, ids, "element") is { } id)
            {
                declared.Add(id);
            }

            _fields.Text(element, path, "name", Need.Nullable, blankAllowed: true);
            CheckImage(element, path, "image");
            CheckReferenceImages(element, path);
        }

        return declared;
    }

    private void CheckReferenceImages(JsonElement element, string path)
    {
        if (_fields.Array(element, path, "reference_images", Need.Optional) is not { } images)
        {
            return;
        }

        var listPath = $"{path}.reference_images";
        var index = 0;
        foreach (var image in images.EnumerateArray())
        {
            var itemPath = JsonFields.Item(listPath, index++);
            if (image.ValueKind != JsonValueKind.String)
            {
                _fields.Add(itemPath, $"expected a file path, got {JsonFields.Describe(image)}");
                continue;
            }

            foreach (var reason in _images.Problems(image.GetString()!))
            {
                _fields.Add(itemPath, reason);
            }
        }
    }

    private void CheckImage(JsonElement element, string path, string name)
    {
        if (_fields.Text(element, path, name, Need.Required) is not { } image)
        {
            return;
        }

        foreach (var reason in _images.Problems(image))
        {
            _fields.Add(JsonFields.Child(path, name), reason);
        }
    }

    /// <summary>Checks an <c>id</c> field's presence, shape and uniqueness among <paramref name="seen"/> (id → path of first use).</summary>
    private string? CheckId(JsonElement item, string path, Dictionary<string, string> seen, string kind)
    {
        if (_fields.Text(item, path, "id", Need.Required, blankAllowed: true) is not { } id)
        {
            return null;
        }

        var idPath = $"{path}.id";
        if (!PlanIds.IsValid(id))
        {
            _fields.Add(idPath, $"{JsonFields.Quote(id)} is not a valid {kind} id: use {PlanIds.Rule}");
        }
        else if (!seen.TryAdd(id, idPath))
        {
            _fields.Add(idPath, $"duplicate {kind} id {JsonFields.Quote(id)} (first used at {seen[id]})");
        }

        return id;
    }
}
