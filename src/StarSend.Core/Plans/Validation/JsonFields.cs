using System.Globalization;
using System.Text.Json;
using StarSend.Core.Errors;

namespace StarSend.Core.Plans.Validation;

/// <summary>Reads typed fields from a <see cref="JsonDocument"/>, recording a problem with its JSON path instead of throwing.</summary>
internal sealed class JsonFields(List<PlanProblem> problems)
{
    private const int MaxQuotedLength = 40;

    public List<PlanProblem> Problems { get; } = problems;

    public static string Child(string path, string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') ? $"{path}.{name}" : $"{path}[{JsonSerializer.Serialize(name, Json.StarSendJson.Options)}]";

    public static string Item(string path, int index) => $"{path}[{index}]";

    public void Add(string path, string reason) => Problems.Add(new PlanProblem(path, reason));

    /// <summary>An object; reports a key written twice, since only one of the two would be used.</summary>
    public bool IsObject(JsonElement value, string path)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            Add(path, $"expected an object, got {Describe(value)}");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject().Where(p => !seen.Add(p.Name)))
        {
            Add(Child(path, property.Name), "given more than once");
        }

        return true;
    }

    public JsonElement? Object(JsonElement parent, string path, string name, Need need) =>
        Find(parent, path, name, need) is { } value && IsObject(value, Child(path, name)) ? value : null;

    public JsonElement? Array(JsonElement parent, string path, string name, Need need) =>
        Typed(parent, path, name, need, JsonValueKind.Array, "an array", out var value) ? value : null;

    /// <summary>A string; a blank one is reported unless <paramref name="blankAllowed"/>.</summary>
    public string? Text(JsonElement parent, string path, string name, Need need, bool blankAllowed = false)
    {
        if (!Typed(parent, path, name, need, JsonValueKind.String, "a string", out var value))
        {
            return null;
        }

        var text = value.GetString()!;
        if (!blankAllowed && string.IsNullOrWhiteSpace(text))
        {
            Add(Child(path, name), "is empty");
            return null;
        }

        return text;
    }

    public double? Number(JsonElement parent, string path, string name, Need need, string what = "a number")
    {
        if (!Typed(parent, path, name, need, JsonValueKind.Number, what, out var value))
        {
            return null;
        }

        if (!value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            Add(Child(path, name), $"expected {what}, got {Describe(value)}");
            return null;
        }

        return number;
    }

    public int? Whole(JsonElement parent, string path, string name, Need need, string what)
    {
        if (Find(parent, path, name, need) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var whole))
        {
            return whole;
        }

        Add(Child(path, name), $"expected {what}, got {Describe(value)}");
        return null;
    }

    public bool? Flag(JsonElement parent, string path, string name, Need need)
    {
        if (Find(parent, path, name, need) is not { } value)
        {
            return null;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        Add(Child(path, name), $"expected true or false, got {Describe(value)}");
        return null;
    }

    /// <summary>How a JSON value reads in a message: strings quoted (and shortened), numbers as written.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => Quote(value.GetString()!),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => "nothing",
    };

    public static string Quote(string text)
    {
        var shown = text.Length > MaxQuotedLength ? text[..MaxQuotedLength] + "…" : text;
        return JsonSerializer.Serialize(shown, Json.StarSendJson.Options);
    }

    public static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private bool Typed(JsonElement parent, string path, string name, Need need, JsonValueKind kind, string what, out JsonElement value)
    {
        value = default;
        if (Find(parent, path, name, need) is not { } found)
        {
            return false;
        }

        if (found.ValueKind != kind)
        {
            Add(Child(path, name), $"expected {what}, got {Describe(found)}");
            return false;
        }

        value = found;
        return true;
    }

    /// <summary>The field's value, or null when it is absent (reported if required) or null (reported unless nullable).</summary>
    private JsonElement? Find(JsonElement parent, string path, string name, Need need)
    {
        if (!parent.TryGetProperty(name, out var value))
        {
            if (need == Need.Required)
            {
                Add(Child(path, name), "missing (required)");
            }

            return null;
        }

        if (value.ValueKind == JsonValueKind.Null)
        {
            if (need != Need.Nullable)
            {
                Add(Child(path, name), need == Need.Required ? "missing (required), got null" : "cannot be null; leave it out instead");
            }

            return null;
        }

        return value;
    }
}
