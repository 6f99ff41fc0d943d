using System.Text.Json.Nodes;
using StarSend.Core.Plans;
using StarSend.Testing;

namespace StarSend.Core.Tests.Plans;

/// <summary>A project folder with two valid element images and a valid three-sequence plan to break.</summary>
internal sealed class PlanFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public PlanFixture()
    {
        TestImages.Png(Combine("elements", "singer.png"), 320, 480);
        TestImages.JpegHeader(Combine("elements", "car.jpg"), 1280, 720);
    }

    public string Root => _temp.Path;

    public string PlanFile => Combine(PlanLoader.FileName);

    public string Combine(params string[] parts) => _temp.Combine(parts);

    public static JsonObject ValidPlan() => JsonNode.Parse(
        """
        {
          "project": "test-video",
          "song": { "title": "Test Song", "duration_s": 60, "bpm": 100 },
          "style": "35mm film",
          "aspect_ratio": "16:9",
          "elements": [
            { "id": "singer", "name": "Lead singer", "image": "elements/singer.png" },
            { "id": "car", "image": "elements/car.jpg" }
          ],
          "sequences": [
            { "id": "SEQ01", "section": "intro", "start_s": 0, "end_s": 10, "description": "pier at dawn",
              "elements": ["singer", "car"],
              "shots": [ { "id": "shot01", "prompt": "wide pier", "duration": 5 },
                         { "id": "shot02", "prompt": "close on singer", "duration": 5 } ] },
            { "id": "SEQ02", "section": "verse", "start_s": 10, "end_s": 20, "elements": ["singer"],
              "shots": [ { "id": "shot01", "prompt": "car passes", "duration": 4 },
                         { "id": "shot02", "prompt": "singer turns", "duration": 6, "own_start_frame": false } ] },
            { "id": "SEQ03", "section": "chorus", "start_s": 20, "end_s": 30,
              "shots": [ { "id": "shot01", "prompt": "lights", "duration": 5 },
                         { "id": "shot02", "prompt": "crowd", "duration": 5 } ] }
          ]
        }
        """)!.AsObject();

    public PlanReport Load(string json)
    {
        File.WriteAllText(PlanFile, json);
        return PlanLoader.Load(Root);
    }

    public PlanReport Load(JsonNode plan) => Load(plan.ToJsonString());

    public void Dispose() => _temp.Dispose();
}
