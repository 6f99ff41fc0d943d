using System.Text.Json.Nodes;
using StarSend.Emulator.Http;

namespace StarSend.Emulator.Kling;

/// <summary>Field checks shared by the Kling schemas, producing fal's 422 entries.</summary>
internal static class KlingRules
{
    public const int MaxPromptLength = 2500;

    public static IReadOnlyList<string> Durations(int from, int to) =>
        [.. Enumerable.Range(from, to - from + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    /// <summary>A string from <paramref name="allowed"/>; numbers are refused like fal's Literal fields refuse them.</summary>
    public static string? Literal(JsonNode? node, IReadOnlyList<string> allowed, IReadOnlyList<object> loc, List<FieldError> errors)
    {
        var text = JsonRead.String(node);
        if (text is not null && allowed.Contains(text))
        {
            return text;
        }

        var options = string.Join(", ", allowed.Take(allowed.Count - 1).Select(a => $"'{a}'")) + $" or '{allowed[^1]}'";
        errors.Add(new FieldError(loc, $"Input should be {options}", "literal_error") { Input = node?.DeepClone() });
        return null;
    }

    public static string? Prompt(JsonNode? node, IReadOnlyList<object> loc, List<FieldError> errors)
    {
        if (node is null)
        {
            errors.Add(new FieldError(loc, "Field required", "missing"));
            return null;
        }

        if (JsonRead.String(node) is not { } text)
        {
            errors.Add(new FieldError(loc, "Input should be a valid string", "string_type") { Input = node.DeepClone() });
            return null;
        }

        if (text.Length > MaxPromptLength)
        {
            errors.Add(new FieldError(loc, $"String should have at most {MaxPromptLength} characters", "string_too_long"));
        }

        return text;
    }

    public static void Url(JsonNode? node, IReadOnlyList<object> loc, List<FieldError> errors, bool required)
    {
        if (node is null)
        {
            if (required)
            {
                errors.Add(new FieldError(loc, "Field required", "missing"));
            }

            return;
        }

        if (!JsonRead.IsString(node))
        {
            errors.Add(new FieldError(loc, "Input should be a valid string", "string_type") { Input = node.DeepClone() });
        }
    }

    public static JsonArray? List(JsonNode? node, IReadOnlyList<object> loc, int min, int max, List<FieldError> errors)
    {
        if (node is not JsonArray list)
        {
            errors.Add(node is null
                ? new FieldError(loc, "Field required", "missing")
                : new FieldError(loc, "Input should be a valid list", "list_type") { Input = node.DeepClone() });
            return null;
        }

        if (list.Count < min)
        {
            errors.Add(new FieldError(loc, $"List should have at least {min} item{(min == 1 ? string.Empty : "s")} after validation, not {list.Count}", "sequence_too_short"));
        }
        else if (list.Count > max)
        {
            errors.Add(new FieldError(loc, $"List should have at most {max} items after validation, not {list.Count}", "sequence_too_long"));
        }

        return list;
    }
}
