using System.Text.Json.Nodes;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>
/// Broken variants of the demo plan (projects/demo: elements singer, lantern, bicycle, dog, lighthouse; 12 sequences;
/// a 177 s song), each with every problem the CLI must report.
/// </summary>
internal static class BrokenPlans
{
    public static IReadOnlyDictionary<string, BrokenPlan> All { get; } = new Dictionary<string, BrokenPlan>
    {
        ["json-missing-comma"] = Raw("{\n  \"project\": \"p\",\n  \"revision\": 3\n  \"song\": {}\n}\n", P("$", "not valid JSON at line 4, column 3")),
        ["json-trailing-brace"] = Raw("{}\n}\n", P("$", "not valid JSON at line 2, column 1")),
        ["json-root-array"] = Raw("[]", P("$", "expected an object, got an array")),
        ["json-key-twice"] = new(d => PlanFile.EditText(d, t => t.Replace("\"revision\": 3,", "\"revision\": 3, \"project\": \"again\",", StringComparison.Ordinal)), [P("$.project", "given more than once")]),
        ["song-duration-text"] = Edit(p => p["song"]!["duration_s"] = "three minutes", P("$.song.duration_s", "expected a number of seconds, got \"three minutes\"")),
        ["shot-duration-text"] = Edit(p => Shot(p, 0, 1)["duration"] = "4", P("$.sequences[0].shots[1].duration", "expected a whole number of seconds, got \"4\"")),
        ["sequences-object"] = Edit(p => p["sequences"] = new JsonObject(), P("$.sequences", "expected an array, got an object")),
        ["sequence-id-missing"] = Edit(p => Seq(p, 4).Remove("id"), P("$.sequences[4].id", "missing (required)")),
        ["sequence-id-duplicate"] = Edit(p => Seq(p, 5)["id"] = "SEQ05", P("$.sequences[5].id", "duplicate sequence id \"SEQ05\" (first used at $.sequences[4].id)")),
        ["sequence-id-traversal"] = Edit(p => Seq(p, 0)["id"] = "../x", P("$.sequences[0].id", "\"../x\" is not a valid sequence id")),
        ["shot-id-slash"] = Edit(p => Shot(p, 2, 0)["id"] = "shot/01", P("$.sequences[2].shots[0].id", "\"shot/01\" is not a valid shot id")),
        ["element-id-space"] = Edit(
            p => p["elements"]![4]!["id"] = "light house",
            P("$.elements[4].id", "\"light house\" is not a valid element id"),
            P("$.sequences[0].elements[0]", "unknown element \"lighthouse\""),
            P("$.sequences[4].elements[2]", "unknown element \"lighthouse\""),
            P("$.sequences[7].elements[2]", "unknown element \"lighthouse\""),
            P("$.sequences[9].elements[1]", "unknown element \"lighthouse\""),
            P("$.sequences[11].elements[0]", "unknown element \"lighthouse\"")),
        ["start-past-song"] = Edit(
            p => Seq(p, 11)["start_s"] = 180,
            P("$.sequences[11].end_s", "must be after start_s (180 s), got 177"),
            P("$.sequences[11].start_s", "is past the end of the song (177 s), got 180")),
        ["video-model-retired"] = Edit(
            p => Seq(p, 2)["video_model"] = "sora-2",
            P("$.sequences[2].video_model", "video model 'sora-2' was retired on 2026-09-24 (OpenAI shut the Sora 2 Videos API down, with no direct replacement); use 'leonardo:kling-3.0' instead")),
        ["video-model-unknown"] = Edit(p => Seq(p, 0)["video_model"] = "leonardo:kling-9", P("$.sequences[0].video_model", "is not a Leonardo model StarSend knows")),
        ["video-model-duration"] = Edit(
            p => Seq(p, 1)["video_model"] = "leonardo:veo-3.1-generate-001",
            P("$.sequences[1].shots[3].duration", "must be 4, 6 or 8 seconds for leonardo:veo-3.1-generate-001, got 3")),
        ["end-past-song"] = Edit(p => Seq(p, 11)["end_s"] = 190.5, P("$.sequences[11].end_s", "is past the end of the song (177 s), got 190.5")),
        ["start-negative"] = Edit(p => Seq(p, 0)["start_s"] = -2, P("$.sequences[0].start_s", "must be 0 or more, got -2")),
        ["unknown-element"] = Edit(p => Seq(p, 1)["elements"]!.AsArray().Add("boat"), P("$.sequences[1].elements[2]", "unknown element \"boat\": not in $.elements")),
        ["element-file-missing"] = Edit(p => p["elements"]![2]!["image"] = "elements/bike.png", P("$.elements[2].image", "file not found: elements/bike.png")),
        ["element-file-outside"] = Edit(p => p["elements"]![2]!["image"] = "../bicycle.png", P("$.elements[2].image", "points outside the project folder")),
        ["element-text-named-png"] = new(
            d =>
            {
                File.WriteAllText(Path.Combine(d, "elements", "notes.png"), "call the label about the lantern shot\n");
                PlanFile.Edit(d, p => p["elements"]![1]!["image"] = "elements/notes.png");
            },
            [P("$.elements[1].image", "not a PNG, JPEG or WebP")]),
        ["element-image-too-small"] = new(
            d =>
            {
                TestPng.Write(Path.Combine(d, "elements", "tiny.png"), 200, 150);
                PlanFile.Edit(d, p => p["elements"]![0]!["image"] = "elements/tiny.png");
            },
            [P("$.elements[0].image", "is 200x150 px; Kling needs at least 300 px a side")]),
        ["shot-duration-2"] = Edit(p => Shot(p, 0, 0)["duration"] = 2, P("$.sequences[0].shots[0].duration", "must be 3–15 seconds (what Kling accepts), got 2")),
        ["shot-duration-16"] = Edit(p => Shot(p, 1, 3)["duration"] = 16, P("$.sequences[1].shots[3].duration", "must be 3–15 seconds (what Kling accepts), got 16")),
        ["aspect-ratio-4-3"] = Edit(p => p["aspect_ratio"] = "4:3", P("$.aspect_ratio", "got \"4:3\"")),
        ["three-at-once"] = Edit(
            p =>
            {
                p.Remove("project");
                Shot(p, 6, 2)["prompt"] = " ";
                Seq(p, 8)["elements"]!.AsArray().Add("dog");
            },
            P("$.project", "missing (required)"),
            P("$.sequences[6].shots[2].prompt", "is empty"),
            P("$.sequences[8].elements[4]", "element \"dog\" is listed twice")),
    };

    private static PlanProblemLine P(string path, string reason) => new(path, reason);

    private static JsonObject Seq(JsonObject plan, int index) => plan["sequences"]![index]!.AsObject();

    private static JsonObject Shot(JsonObject plan, int sequence, int shot) => Seq(plan, sequence)["shots"]![shot]!.AsObject();

    private static BrokenPlan Edit(Action<JsonObject> change, params PlanProblemLine[] problems) => new(d => PlanFile.Edit(d, change), problems);

    private static BrokenPlan Raw(string text, params PlanProblemLine[] problems) => new(d => File.WriteAllText(PlanFile.PathIn(d), text), problems);
}
