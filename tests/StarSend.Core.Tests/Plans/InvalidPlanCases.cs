using System.Text.Json.Nodes;

namespace StarSend.Core.Tests.Plans;

/// <summary>Broken variants of <see cref="PlanFixture.ValidPlan"/>: how to break it, the paths expected, and a fragment of the first reason.</summary>
internal static class InvalidPlanCases
{
    public static IReadOnlyDictionary<string, InvalidPlanCase> All { get; } = new Dictionary<string, InvalidPlanCase>
    {
        ["root-array"] = Raw("[1, 2]", ["$"], "expected an object, got an array"),
        ["trailing-garbage"] = Raw("{\"project\": \"x\"} }", ["$"], "not valid JSON at line 1"),
        ["project-missing"] = Edit(p => p.Remove("project"), ["$.project"], "missing (required)"),
        ["project-number"] = Edit(p => p["project"] = 5, ["$.project"], "expected a string, got 5"),
        ["song-missing"] = Edit(p => p.Remove("song"), ["$.song"]),
        ["song-array"] = Edit(p => p["song"] = new JsonArray(), ["$.song"], "expected an object, got an array"),
        ["song-duration-zero"] = Edit(p => p["song"]!["duration_s"] = 0, ["$.song.duration_s"], "more than 0"),
        ["song-duration-text"] = Edit(p => p["song"]!["duration_s"] = "3 minutes", ["$.song.duration_s"], "expected a number of seconds, got \"3 minutes\""),
        ["song-title-null"] = Edit(p => p["song"]!["title"] = null, ["$.song.title"], "missing (required), got null"),
        ["song-bpm-negative"] = Edit(p => p["song"]!["bpm"] = -90, ["$.song.bpm"]),
        ["aspect-ratio-4-3"] = Edit(p => p["aspect_ratio"] = "4:3", ["$.aspect_ratio"], "got \"4:3\""),
        ["aspect-ratio-null"] = Edit(p => p["aspect_ratio"] = null, ["$.aspect_ratio"], "cannot be null"),
        ["element-id-missing"] = Edit(p => p["elements"]![1]!.AsObject().Remove("id"), ["$.elements[1].id", "$.sequences[0].elements[1]"]),
        ["element-id-traversal"] = Edit(p => p["elements"]![0]!["id"] = "../../etc", ["$.elements[0].id", "$.sequences[0].elements[0]", "$.sequences[1].elements[0]"], "not a valid element id"),
        ["element-id-duplicate"] = Edit(p => p["elements"]!.AsArray().Add(Element("singer", "elements/car.jpg")), ["$.elements[2].id"], "duplicate element id \"singer\" (first used at $.elements[0].id)"),
        ["element-image-missing-file"] = Edit(p => p["elements"]![1]!["image"] = "elements/nope.png", ["$.elements[1].image"], "file not found: elements/nope.png"),
        ["element-image-escapes"] = Edit(p => p["elements"]![1]!["image"] = "elements/../../outside.png", ["$.elements[1].image"], "outside the project folder"),
        ["element-image-absolute"] = Edit(p => p["elements"]![1]!["image"] = "/etc/hostname", ["$.elements[1].image"], "absolute path"),
        ["element-image-too-small"] = Image(f => TestImages.Png(f.Combine("elements", "small.png"), 299, 400), "small.png", "is 299x400 px; Kling needs at least 300 px a side"),
        ["element-image-too-wide"] = Image(f => TestImages.Png(f.Combine("elements", "wide.png"), 1000, 300), "wide.png", "aspect ratio"),
        ["element-image-not-image"] = Image(f => File.WriteAllText(f.Combine("elements", "notes.png"), "hello"), "notes.png", "not a PNG, JPEG or WebP"),
        ["element-image-folder"] = Image(f => Directory.CreateDirectory(f.Combine("elements", "dir.png")), "dir.png", "is a folder"),
        ["element-reference-image-bad"] = Edit(p => p["elements"]![0]!["reference_images"] = new JsonArray("elements/car.jpg", 7, "nope.jpg"), ["$.elements[0].reference_images[1]", "$.elements[0].reference_images[2]"]),
        ["sequences-missing"] = Edit(p => p.Remove("sequences"), ["$.sequences"]),
        ["sequences-empty"] = Edit(p => p["sequences"] = new JsonArray(), ["$.sequences"], "no sequences"),
        ["sequence-not-object"] = Edit(p => p["sequences"]![1] = "SEQ02", ["$.sequences[1]"], "expected an object, got \"SEQ02\""),
        ["sequence-id-duplicate"] = Edit(p => p["sequences"]![2]!["id"] = "SEQ01", ["$.sequences[2].id"], "duplicate sequence id"),
        ["sequence-id-slash"] = Edit(p => p["sequences"]![0]!["id"] = "SEQ/01", ["$.sequences[0].id"], "letters, digits"),
        ["sequence-id-empty"] = Edit(p => p["sequences"]![0]!["id"] = "", ["$.sequences[0].id"]),
        ["sequence-id-too-long"] = Edit(p => p["sequences"]![0]!["id"] = new string('A', 65), ["$.sequences[0].id"]),
        ["sequence-id-missing"] = Edit(p => p["sequences"]![0]!.AsObject().Remove("id"), ["$.sequences[0].id"]),
        ["section-blank"] = Edit(p => p["sequences"]![0]!["section"] = "  ", ["$.sequences[0].section"], "is empty"),
        ["start-after-end"] = Edit(p => p["sequences"]![1]!["start_s"] = 25, ["$.sequences[1].end_s"], "must be after start_s (25 s), got 20"),
        ["start-negative"] = Edit(p => p["sequences"]![0]!["start_s"] = -1, ["$.sequences[0].start_s"]),
        ["end-past-song"] = Edit(p => p["sequences"]![2]!["end_s"] = 61.5, ["$.sequences[2].end_s"], "past the end of the song (60 s), got 61.5"),
        ["times-missing"] = Edit(p => { p["sequences"]![2]!.AsObject().Remove("start_s"); p["sequences"]![2]!["end_s"] = "30"; }, ["$.sequences[2].start_s", "$.sequences[2].end_s"]),
        ["grid-prompt-empty"] = Edit(p => p["sequences"]![2]!["grid_prompt"] = "", ["$.sequences[2].grid_prompt"]),
        ["sequence-elements-text"] = Edit(p => p["sequences"]![1]!["elements"] = "singer", ["$.sequences[1].elements"], "expected an array"),
        ["sequence-element-unknown"] = Edit(p => p["sequences"]![1]!["elements"]!.AsArray().Add("boat"), ["$.sequences[1].elements[1]"], "unknown element \"boat\""),
        ["sequence-element-twice"] = Edit(p => p["sequences"]![0]!["elements"]!.AsArray().Add("singer"), ["$.sequences[0].elements[2]"], "listed twice"),
        ["shots-missing"] = Edit(p => p["sequences"]![2]!.AsObject().Remove("shots"), ["$.sequences[2].shots"]),
        ["shots-empty"] = Edit(p => p["sequences"]![2]!["shots"] = new JsonArray(), ["$.sequences[2].shots"], "at least one shot"),
        ["shot-not-object"] = Edit(p => p["sequences"]![0]!["shots"]![0] = 5, ["$.sequences[0].shots[0]"]),
        ["shot-id-duplicate"] = Edit(p => p["sequences"]![0]!["shots"]![1]!["id"] = "shot01", ["$.sequences[0].shots[1].id"], "duplicate shot id"),
        ["shot-id-dot-dot"] = Edit(p => p["sequences"]![0]!["shots"]![1]!["id"] = "..", ["$.sequences[0].shots[1].id"]),
        ["shot-duration-word"] = Edit(p => p["sequences"]![2]!["shots"]![0]!["duration"] = "five", ["$.sequences[2].shots[0].duration"], "expected a whole number of seconds, got \"five\""),
        ["shot-duration-fraction"] = Edit(p => p["sequences"]![2]!["shots"]![0]!["duration"] = 4.5, ["$.sequences[2].shots[0].duration"], "got 4.5"),
        ["shot-duration-short"] = Edit(p => p["sequences"]![2]!["shots"]![0]!["duration"] = 2, ["$.sequences[2].shots[0].duration"], "must be 3–15 seconds"),
        ["shot-duration-long"] = Edit(p => p["sequences"]![2]!["shots"]![1]!["duration"] = 16, ["$.sequences[2].shots[1].duration"], "got 16"),
        ["shot-duration-missing"] = Edit(p => p["sequences"]![2]!["shots"]![1]!.AsObject().Remove("duration"), ["$.sequences[2].shots[1].duration"]),
        ["shot-prompt-empty"] = Edit(p => p["sequences"]![1]!["shots"]![0]!["prompt"] = "", ["$.sequences[1].shots[0].prompt"], "is empty"),
        ["shot-prompt-over-kling-limit"] = Edit(p => p["sequences"]![1]!["shots"]![0]!["prompt"] = new string('a', 2501), ["$.sequences[1].shots[0].prompt"], "is 2501 characters; Kling takes at most 2500"),
        ["shot-prompt-over-kling-limit-in-code-points"] = Edit(p => p["sequences"]![0]!["shots"]![1]!["prompt"] = string.Concat(Enumerable.Repeat("\U0001F3B8", 2501)), ["$.sequences[0].shots[1].prompt"], "is 2501 characters"),
        ["shot-prompt-number"] = Edit(p => p["sequences"]![1]!["shots"]![0]!["prompt"] = 3, ["$.sequences[1].shots[0].prompt"]),
        ["own-start-frame-text"] = Edit(p => p["sequences"]![1]!["shots"]![1]!["own_start_frame"] = "yes", ["$.sequences[1].shots[1].own_start_frame"], "expected true or false, got \"yes\""),
        ["key-given-twice"] = Text(p => p.ToJsonString().Replace("\"title\":\"Test Song\"", "\"title\":\"A\",\"title\":\"B\"", StringComparison.Ordinal), ["$.song.title"], "more than once"),
        ["every-shot-broken"] = Edit(
            p =>
            {
                foreach (var sequence in p["sequences"]!.AsArray())
                {
                    sequence!["shots"]![0]!["duration"] = 1;
                }
            },
            ["$.sequences[0].shots[0].duration", "$.sequences[1].shots[0].duration", "$.sequences[2].shots[0].duration"]),
    };

    private static JsonObject Element(string id, string image) => new() { ["id"] = id, ["image"] = image };

    private static InvalidPlanCase Raw(string json, string[] paths, string? reason = null) => new((_, _) => json, paths, reason);

    private static InvalidPlanCase Text(Func<JsonObject, string> build, string[] paths, string? reason = null) => new((p, _) => build(p), paths, reason);

    private static InvalidPlanCase Edit(Action<JsonObject> edit, string[] paths, string? reason = null) =>
        new(
            (plan, _) =>
            {
                edit(plan);
                return plan.ToJsonString();
            },
            paths,
            reason);

    private static InvalidPlanCase Image(Action<PlanFixture> write, string file, string reason) =>
        new(
            (plan, fixture) =>
            {
                write(fixture);
                plan["elements"]![0]!["image"] = $"elements/{file}";
                return plan.ToJsonString();
            },
            ["$.elements[0].image"],
            reason);
}
