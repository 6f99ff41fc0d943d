using System.Text.Json.Nodes;

namespace StarSend.Emulator.Http;

/// <summary>One entry of fal's 422 <c>detail</c> list: where (<c>loc</c>), what (<c>msg</c>) and a stable <c>type</c>.</summary>
internal sealed record FieldError(IReadOnlyList<object> Loc, string Msg, string Type)
{
    public JsonNode? Input { get; init; }

    public JsonObject ToJson()
    {
        var loc = new JsonArray();
        foreach (var part in Loc)
        {
            loc.Add(part is int index ? JsonValue.Create(index) : JsonValue.Create(part.ToString()));
        }

        var error = new JsonObject { ["loc"] = loc, ["msg"] = Msg, ["type"] = Type };
        if (Input is not null)
        {
            error["input"] = Input.DeepClone();
        }

        return error;
    }
}
