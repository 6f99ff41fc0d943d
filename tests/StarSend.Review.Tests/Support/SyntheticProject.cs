using StarSend.Core.Plans;
using StarSend.Core.Sequences;

namespace StarSend.Review.Tests.Support;

/// <summary>A plan of 12 sequences of 15 s over a 180 s song, and a state with 3 verified takes each (files as recorded, not on disk).</summary>
public static class SyntheticProject
{
    public static ClientPlan Plan(string? firstPrompt = null) => new()
    {
        Project = "synthetic",
        Song = new Song { Title = "Twelve", DurationS = 180 },
        Sequences = [.. Enumerable.Range(1, 12).Select(i => new PlanSequence
        {
            Id = $"SEQ{i:00}",
            Section = i <= 2 ? "intro" : i <= 6 ? "verse" : "chorus",
            StartS = (i - 1) * 15,
            EndS = i * 15,
            Description = $"sequence {i}",
            Shots = [new PlanShot { Id = "shot01", Prompt = i == 1 && firstPrompt is not null ? firstPrompt : $"prompt {i}", Duration = 5 },
                     new PlanShot { Id = "shot02", Prompt = "second", Duration = 5 }, new PlanShot { Id = "shot03", Prompt = "third", Duration = 5 }],
        })],
    };

    public static SequencesDocument State(ClientPlan plan, int takes = 3)
    {
        var doc = new SequencesDocument();
        foreach (var s in plan.Sequences)
        {
            var at = new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);
            doc.Sequences[s.Id] = new SequenceRecord
            {
                Id = s.Id,
                State = SequenceState.Review,
                Grids = [new GridAttempt { Number = 1, RunId = "20261129T080000Z-0001", File = $"media/grids/20261129T080000Z-0001_{s.Id}_grid.png", CostUsd = 0.07m }],
                StartFrame = new StartFrame { Grid = 1, Row = 1, Col = 0, File = $"media/start_frames/20261129T080000Z-0001_{s.Id}_r1c0.png" },
                Takes = [.. Enumerable.Range(1, takes).Select(n => new Take
                {
                    Number = n,
                    RunId = $"20261129T08{n:00}00Z-000{n}",
                    Mode = TakeMode.MultiShot,
                    ShotPrompts = [.. s.Shots.Select(x => x.Prompt + (n > 1 ? $" v{n}" : string.Empty))],
                    Durations = ["5", "5", "5"],
                    ElementsUsed = ["singer"],
                    StartFrame = $"media/start_frames/20261129T080000Z-0001_{s.Id}_r1c0.png",
                    RequestIds = [$"req-{s.Id}-{n}"],
                    Model = "fal-ai/kling-video/o3/pro/reference-to-video",
                    CostUsd = 1.68m,
                    StartedAt = at.AddHours(n),
                    Files = [new TakeFile($"media/videos/20261129T08{n:00}00Z-000{n}_{s.Id}_take{n:00}.mp4", 1000, 15, new string((char)('a' + n), 64))],
                })],
            };
        }

        return doc;
    }
}
