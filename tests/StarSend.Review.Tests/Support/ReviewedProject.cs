using System.Text.Json.Nodes;
using StarSend.Cli.Commands;
using StarSend.Core.Plans;
using StarSend.Emulator;
using StarSend.Testing;

namespace StarSend.Review.Tests.Support;

/// <summary>
/// The demo project taken through the real CLI against the real loopback emulator, with hostile text in SEQ01's plan:
/// grid, pick and generate every sequence; a second SEQ01 take after its shot02 prompt changed; SEQ02 approved, a
/// hostile note on SEQ03, SEQ12 omitted; then <c>board</c> and <c>dailies</c> written. Built once per test class.
/// </summary>
public sealed class ReviewedProject : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new();
    private EmulatorServer? _emulator;

    public string Dir => _temp.Combine("project");

    public string Root => _temp.Path;

    public string BoardFile => Path.Combine(Dir, "review", "board.html");

    public string DailiesFile => Path.Combine(Dir, "review", "dailies.html");

    public Dictionary<string, string?> Environment => new(StringComparer.Ordinal)
    {
        ["STARSEND_FAL_QUEUE_URL"] = _emulator!.FalQueueUrl,
        ["STARSEND_FAL_REST_URL"] = _emulator.FalRestUrl,
        ["STARSEND_GEMINI_URL"] = _emulator.GeminiUrl,
        ["STARSEND_LEONARDO_URL"] = _emulator.LeonardoUrl,
        ["LEONARDO_API_KEY"] = "test-leonardo-key",
        ["FAL_KEY"] = "test-id:test-secret",
        ["GEMINI_API_KEY"] = "test-gemini-key",
    };

    public Task<CliOutcome> RunAsync(params string[] args) => CliRun.RunAsync(Dir, Environment, args);

    public Task<CliOutcome> RunInAsync(string dir, params string[] args) => CliRun.RunAsync(dir, Environment, args);

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { QueueWait = TimeSpan.FromMilliseconds(50), RunTime = TimeSpan.FromMilliseconds(200) }, CancellationToken.None);
        DemoProject.CopyTo(Dir);
        EditPlan(plan =>
        {
            var seq01 = plan["sequences"]![0]!;
            seq01["description"] = Hostile.Description;
            seq01["shots"]![0]!["prompt"] = Hostile.Prompt;
        });

        await Ok("grid", "--all");
        var parsed = PlanLoader.Load(Dir).Plan;
        var n = 0;
        foreach (var sequence in parsed.Sequences)
        {
            await Ok("pick", sequence.Id, $"{(n++ % 4) + 1}");
            foreach (var shot in sequence.Shots.Where(s => s.OwnStartFrame))
            {
                await Ok("pick", sequence.Id, "r1c1", "--shot", shot.Id);
            }
        }

        await Ok("generate", "--all", "--yes");
        EditPlan(plan => plan["sequences"]![0]!["shots"]![1]!["prompt"] = "a match flares and two paper lanterns glow on the wet quay");
        await Ok("generate", "SEQ01", "--again", "--yes");
        await Ok("approve", "SEQ02", "--take", "1");
        await Ok("review", "SEQ03", "--take", "1", "--note", Hostile.Note);
        await Ok("review", "SEQ05", "--take", "1", "--retake", "horizon tilts");
        await Ok("omit", "SEQ12");
        await Ok("board");
        await Ok("dailies");
    }

    /// <summary>A fresh copy of the project folder as it is now (pages, state, media).</summary>
    public string CopyProject(string name)
    {
        var target = _temp.Combine(name);
        foreach (var file in Directory.EnumerateFiles(Dir, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Dir, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        return target;
    }

    public async Task DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }

        Dispose();
    }

    public void Dispose() => _temp.Dispose();

    private async Task Ok(params string[] args)
    {
        var result = await RunAsync(args);
        result.ExitCode.Should().Be(0, $"starsend {string.Join(' ', args)}: {result}");
    }

    private void EditPlan(Action<JsonNode> edit)
    {
        var file = Path.Combine(Dir, "client_plan.json");
        var plan = JsonNode.Parse(File.ReadAllText(file))!;
        edit(plan);
        File.WriteAllText(file, plan.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }
}
