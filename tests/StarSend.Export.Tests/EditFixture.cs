using System.Text.Json;
using StarSend.Core.Json;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Testing;

namespace StarSend.Export.Tests;

/// <summary>
/// A small project on disk: a 40 s song in four sequences (SEQ01 approved multi-shot 0-10, SEQ02 in review 10-20,
/// SEQ03 approved per-shot 20-30 in two files, SEQ04 omitted 30-36), take files written as real files, a WAV song.
/// </summary>
internal sealed class EditFixture : IDisposable
{
    private readonly TempDirectory _temp = new();

    public EditFixture(string? fps = null, bool audio = true)
    {
        Directory.CreateDirectory(Path.Combine(Root, "media", "videos"));
        foreach (var name in new[] { "r1_SEQ01_take02.mp4", "r1_SEQ03_shot01_take01.mp4", "r1_SEQ03_shot02_take01.mp4", "r1_SEQ04_take01.mp4" })
        {
            File.WriteAllBytes(Path.Combine(Root, "media", "videos", name), [0, 0, 0, 8]);
        }

        if (audio)
        {
            TestAudio.WriteWav(Path.Combine(Root, "song.wav"), seconds: 40, sampleRate: 8000, channels: 2);
        }

        var plan = $$"""
        {
          "project": "tiny", {{(fps is null ? string.Empty : $"\"fps\": {fps},")}}
          "song": { "title": "Tiny & \"Song\"", "duration_s": 40 {{(audio ? ", \"audio\": \"song.wav\"" : string.Empty)}} },
          "sequences": [
            { "id": "SEQ01", "section": "intro", "start_s": 0, "end_s": 10, "shots": [ { "id": "shot01", "prompt": "a", "duration": 5 }, { "id": "shot02", "prompt": "b", "duration": 5 } ] },
            { "id": "SEQ02", "section": "verse", "start_s": 10, "end_s": 20, "shots": [ { "id": "shot01", "prompt": "c", "duration": 10 } ] },
            { "id": "SEQ03", "section": "chorus", "start_s": 20, "end_s": 30, "shots": [ { "id": "shot01", "prompt": "d <e>", "duration": 4 }, { "id": "shot02", "prompt": "f", "duration": 5 } ] },
            { "id": "SEQ04", "section": "outro", "start_s": 30, "end_s": 36, "shots": [ { "id": "shot01", "prompt": "g", "duration": 6 } ] }
          ]
        }
        """;
        Plan = JsonSerializer.Deserialize<ClientPlan>(plan, StarSendJson.Options)!;
        Sequences = new SequencesDocument
        {
            Sequences = new(StringComparer.Ordinal)
            {
                ["SEQ01"] = Approved("SEQ01", 2, TakeMode.MultiShot, ["a", "b"], ("media/videos/r1_SEQ01_take02.mp4", 10)),
                ["SEQ02"] = new SequenceRecord { Id = "SEQ02", State = SequenceState.Review },
                ["SEQ03"] = Approved("SEQ03", 1, TakeMode.Individual, ["d <e>", "f"], ("media/videos/r1_SEQ03_shot01_take01.mp4", 4), ("media/videos/r1_SEQ03_shot02_take01.mp4", 5)),
                ["SEQ04"] = Approved("SEQ04", 1, TakeMode.MultiShot, ["g"], ("media/videos/r1_SEQ04_take01.mp4", 6)),
            },
        };
    }

    public string Root => _temp.Path;

    public ClientPlan Plan { get; }

    public SequencesDocument Sequences { get; set; }

    public IReadOnlySet<string> Omitted { get; } = new HashSet<string>(StringComparer.Ordinal) { "SEQ04" };

    public void Dispose() => _temp.Dispose();

    private static SequenceRecord Approved(string id, int number, TakeMode mode, List<string> prompts, params (string Path, double Seconds)[] files) => new()
    {
        Id = id,
        State = SequenceState.Approved,
        ApprovedTake = number,
        Takes =
        [
            new Take
            {
                Number = number,
                RunId = $"run-{id}",
                Mode = mode,
                ShotPrompts = prompts,
                Durations = files.Select(f => f.Seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(),
                CostUsd = 1.25m,
                Model = "fal-ai/kling-video/o3/pro/reference-to-video",
                Files = files.Select(f => new TakeFile(f.Path, 4, f.Seconds, "00")).ToList(),
            },
        ],
    };
}
