using System.Text.Json;

namespace StarSend.Testing.Timelines;

/// <summary>
/// A strict reader of OpenTimelineIO JSON written here from OTIO's published schema (no OTIO package is in Debian or
/// npm; its Python wheel is the reference, and pip is not reachable here). Every object that OTIO types must carry a
/// known <c>OTIO_SCHEMA</c> name and version and the fields that schema requires with the right JSON kinds;
/// RationalTimes share one positive rate and hold whole frames; a clip's source range lies inside its media
/// reference's available range and its active key names one of its references; a track's items are laid end to end.
/// Any violation throws <see cref="FormatException"/> with the JSON path.
/// </summary>
public static class OtioReader
{
    public static (string Name, double Rate, JsonElement Metadata, IReadOnlyDictionary<string, IReadOnlyList<OtioItem>> Tracks) Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement.Clone();
        Schema(root, "Timeline.1", "$");
        var rate = Time(Field(root, "global_start_time", JsonValueKind.Object, "$"), "$.global_start_time", null).Rate;
        var stack = Field(root, "tracks", JsonValueKind.Object, "$");
        Schema(stack, "Stack.1", "$.tracks");
        Composable(stack, "$.tracks");
        var tracks = new Dictionary<string, IReadOnlyList<OtioItem>>(StringComparer.Ordinal);
        var t = 0;
        foreach (var track in Field(stack, "children", JsonValueKind.Array, "$.tracks").EnumerateArray())
        {
            var path = $"$.tracks.children[{t++}]";
            Schema(track, "Track.1", path);
            Composable(track, path);
            var kind = Field(track, "kind", JsonValueKind.String, path).GetString();
            if (kind is not ("Video" or "Audio"))
            {
                throw new FormatException($"{path}.kind: '{kind}' is not Video or Audio");
            }

            var items = new List<OtioItem>();
            var position = 0L;
            var i = 0;
            foreach (var child in Field(track, "children", JsonValueKind.Array, path).EnumerateArray())
            {
                var at = $"{path}.children[{i++}]";
                var item = Item(child, at, rate, position);
                items.Add(item);
                position += item.Duration;
            }

            tracks[Field(track, "name", JsonValueKind.String, path).GetString()!] = items;
        }

        return (Field(root, "name", JsonValueKind.String, "$").GetString()!, rate, Field(root, "metadata", JsonValueKind.Object, "$"), tracks);
    }

    private static OtioItem Item(JsonElement item, string path, double rate, long position)
    {
        var schema = Field(item, "OTIO_SCHEMA", JsonValueKind.String, path).GetString();
        if (schema is not ("Clip.2" or "Gap.1"))
        {
            throw new FormatException($"{path}: schema '{schema}' is not Clip.2 or Gap.1");
        }

        Composable(item, path);
        var (start, duration) = Range(Field(item, "source_range", JsonValueKind.Object, path), $"{path}.source_range", rate);
        if (duration <= 0)
        {
            throw new FormatException($"{path}.source_range: duration must be positive");
        }

        var markers = new List<string>();
        var m = 0;
        foreach (var marker in Field(item, "markers", JsonValueKind.Array, path).EnumerateArray())
        {
            var at = $"{path}.markers[{m++}]";
            Schema(marker, "Marker.2", at);
            Field(marker, "name", JsonValueKind.String, at);
            Field(marker, "color", JsonValueKind.String, at);
            Field(marker, "metadata", JsonValueKind.Object, at);
            var (markStart, markLength) = Range(Field(marker, "marked_range", JsonValueKind.Object, at), $"{at}.marked_range", rate);
            if (markStart < start || markStart + markLength > start + duration)
            {
                throw new FormatException($"{at}.marked_range: outside the item");
            }

            markers.Add(marker.TryGetProperty("comment", out var comment) ? comment.GetString() ?? string.Empty : string.Empty);
        }

        string? url = null;
        if (schema == "Clip.2")
        {
            var key = Field(item, "active_media_reference_key", JsonValueKind.String, path).GetString()!;
            var references = Field(item, "media_references", JsonValueKind.Object, path);
            if (!references.TryGetProperty(key, out var reference))
            {
                throw new FormatException($"{path}.active_media_reference_key: '{key}' names no media reference");
            }

            var at = $"{path}.media_references.{key}";
            Schema(reference, "ExternalReference.1", at);
            Field(reference, "metadata", JsonValueKind.Object, at);
            url = Field(reference, "target_url", JsonValueKind.String, at).GetString();
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                throw new FormatException($"{at}.target_url: '{url}' is not an absolute URL");
            }

            var (availableStart, availableLength) = Range(Field(reference, "available_range", JsonValueKind.Object, at), $"{at}.available_range", rate);
            if (start < availableStart || start + duration > availableStart + availableLength)
            {
                throw new FormatException($"{path}.source_range: outside the media's available range");
            }
        }

        return new OtioItem(schema, Field(item, "name", JsonValueKind.String, path).GetString()!, position, duration, start, url, item.GetProperty("metadata"), markers);
    }

    private static void Composable(JsonElement element, string path)
    {
        Field(element, "name", JsonValueKind.String, path);
        Field(element, "metadata", JsonValueKind.Object, path);
        Field(element, "effects", JsonValueKind.Array, path);
        Field(element, "markers", JsonValueKind.Array, path);
        if (element.TryGetProperty("enabled", out var enabled) && enabled.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new FormatException($"{path}.enabled: must be a boolean");
        }
    }

    private static (long Start, long Duration) Range(JsonElement range, string path, double rate)
    {
        Schema(range, "TimeRange.1", path);
        var start = Time(Field(range, "start_time", JsonValueKind.Object, path), $"{path}.start_time", rate);
        var duration = Time(Field(range, "duration", JsonValueKind.Object, path), $"{path}.duration", rate);
        return (start.Frames, duration.Frames);
    }

    private static (double Rate, long Frames) Time(JsonElement time, string path, double? rate)
    {
        Schema(time, "RationalTime.1", path);
        var r = Field(time, "rate", JsonValueKind.Number, path).GetDouble();
        var value = Field(time, "value", JsonValueKind.Number, path).GetDouble();
        if (r <= 0 || (rate is { } expected && Math.Abs(r - expected) > 1e-9))
        {
            throw new FormatException($"{path}.rate: {r} (the timeline runs at {rate})");
        }

        if (value < 0 || Math.Abs(value - Math.Round(value)) > 1e-9)
        {
            throw new FormatException($"{path}.value: {value} is not a whole frame");
        }

        return (r, (long)Math.Round(value));
    }

    private static void Schema(JsonElement element, string expected, string path)
    {
        var actual = Field(element, "OTIO_SCHEMA", JsonValueKind.String, path).GetString();
        if (actual != expected)
        {
            throw new FormatException($"{path}.OTIO_SCHEMA: '{actual}', expected '{expected}'");
        }
    }

    private static JsonElement Field(JsonElement element, string name, JsonValueKind kind, string path)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out var value))
        {
            throw new FormatException($"{path}.{name}: missing");
        }

        if (value.ValueKind != kind)
        {
            throw new FormatException($"{path}.{name}: {value.ValueKind}, expected {kind}");
        }

        return value;
    }
}
