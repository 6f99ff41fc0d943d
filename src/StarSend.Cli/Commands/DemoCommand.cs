using System.CommandLine;
using System.Diagnostics;
using StarSend.Cli.Output;
using StarSend.Core.Errors;
using StarSend.Core.Workflow;
using StarSend.Emulator;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend demo [--dir DIR]</c>: the whole workflow on a copy of projects/demo against the in-process emulator —
/// grid, pick, generate, approve on every sequence, with one non-grid retry, a dropped element, a per-shot sequence
/// and a few injected transient faults.
/// </summary>
internal static class DemoCommand
{
    /// <summary>The first image is one picture (forcing a stronger retry); a status call and a download fail once each.</summary>
    public const string DemoFaults = "gemini:not-grid@1;status:503@3;download:truncate@2";

    public static Command Create(CommandRunner runner)
    {
        var dir = new Option<string?>("--dir") { Description = "Where to put the demo project (default: a new folder under the current one)" };
        var command = new Command("demo", "Run the whole workflow on a copy of the demo project against the built-in emulator");
        command.Options.Add(dir);
        command.SetAction((parseResult, ct) =>
        {
            var target = Path.GetFullPath(parseResult.GetValue(dir) ?? $"starsend-demo-{runner.Host.Time.GetUtcNow():yyyyMMdd-HHmmss}", runner.Host.CurrentDirectory);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                return Task.FromResult(Fail(runner, $"{target} already exists and is not empty; the demo needs a fresh folder"));
            }

            DemoProject.CopyTo(target);
            return runner.RunAsync(parseResult, "demo", (context, token) => RunAsync(context, token), ct, target);
        });
        return command;
    }

    private static int Fail(CommandRunner runner, string message)
    {
        runner.Host.Error.WriteLine($"Error: {message}");
        return ExitCodes.BadInput;
    }

    private static async Task<int> RunAsync(RunContext context, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var emulator = await EmulatorServer.StartAsync(
            new EmulatorOptions { Faults = DemoFaults, QueueWait = TimeSpan.FromMilliseconds(300), RunTime = TimeSpan.FromSeconds(1.5) }, cancellationToken);
        var env = new Dictionary<string, string?>(context.Host.Environment, StringComparer.Ordinal)
        {
            ["STARSEND_FAL_QUEUE_URL"] = emulator.FalQueueUrl,
            ["STARSEND_FAL_REST_URL"] = emulator.FalRestUrl,
            ["STARSEND_GEMINI_URL"] = emulator.GeminiUrl,
            ["STARSEND_LEONARDO_URL"] = emulator.LeonardoUrl,
            ["FAL_KEY"] = "demo-key-id:demo-key-secret",
            ["LEONARDO_API_KEY"] = "demo-leonardo-key",
            ["GEMINI_API_KEY"] = "demo-gemini-key",
        };
        context = context with { Host = context.Host with { Environment = env, Confirm = null } };
        await context.Out.WriteLineAsync($"Demo project: {context.Paths.Root}");
        await context.Out.WriteLineAsync($"Emulator: {emulator.BaseUrl} (faults: {DemoFaults})");

        using var session = ProjectSession.Open(context);
        var csr = session.CreateRunner(new SessionOptions { NeedsFal = true, NeedsGemini = true });
        var ids = csr.Select([], null, all: true);
        var concurrency = session.Settings.Concurrency;

        await Step(context, "grid --all");
        var worst = await Report(context, await BatchProgress.RunAsync(
            context, ids, await csr.EstimateGridAsync(ids, false, cancellationToken), concurrency, concurrency,
            (id, progress, t) => csr.GridAsync(id, false, progress, t), cancellationToken));

        await Step(context, "pick");
        var picked = new List<string>();
        for (var i = 0; i < ids.Count; i++)
        {
            if ((await csr.GetAsync(ids[i], cancellationToken)).Grids.Count == 0)
            {
                continue;
            }

            picked.Add(ids[i]);
            var cell = new GridCell(i % 4 / 2, i % 2);
            await csr.PickAsync(ids[i], cell, null, null, cancellationToken);
            foreach (var shot in csr.Sequence(ids[i]).Shots.Where(s => s.OwnStartFrame))
            {
                await csr.PickAsync(ids[i], new GridCell((i + 1) % 4 / 2, (i + 1) % 2), null, shot.Id, cancellationToken);
            }
        }

        await Step(context, "generate --all --yes");
        var request = new GenerateRequest { Yes = true };
        worst = Math.Max(worst, await Report(context, await BatchProgress.RunAsync(
            context, picked, await csr.EstimateGenerateAsync(picked, request, cancellationToken), picked.Count, concurrency,
            (id, progress, t) => csr.GenerateAsync(id, request, progress, t), cancellationToken)));

        await Step(context, "approve --take 1");
        foreach (var id in ids)
        {
            var record = await csr.GetAsync(id, cancellationToken);
            if (record.Takes.Count > 0)
            {
                await csr.ApproveTakeAsync(id, record.Takes[^1].Number, cancellationToken);
            }
        }

        await Step(context, "status");
        var doc = await session.Sequences.ReadAsync(cancellationToken);
        var ledger = SequenceLedger.CostBySequence(csr.Plan, await session.Executions.ReadAsync(cancellationToken));
        var rows = csr.Plan.Sequences.Select(s => StatusRow.Of(s, doc.Sequences.GetValueOrDefault(s.Id), ledger.GetValueOrDefault(s.Id))).ToList();
        await context.Out.WriteAsync(TextTable.Render(
            ["SEQ", "SECTION", "STATE", "TAKES", "APPROVED", "COST"],
            rows.Select(r => (IReadOnlyList<string>)[r.Id, r.Section, StarSend.Core.Sequences.SequenceWorkflow.StateName(r.State), $"{r.Takes}", $"{r.ApprovedTake}", TextTable.Money(r.CostUsd)])));
        var stats = emulator.GetStats();
        await context.Out.WriteLineAsync($"Total cost {TextTable.Money(rows.Sum(r => r.CostUsd))}; {stats.SubmitsAccepted} fal video jobs, {stats.LeonardoGenerationsAccepted} Leonardo generations and {stats.ImagesGenerated} images paid at the emulator; {clock.Elapsed.TotalSeconds:0.0} s");
        await context.Out.WriteLineAsync($"Files: {context.Paths.Root}/media (grids, start_frames, videos), state in {context.Paths.Root}/state, logs in {context.Paths.LogsDir}");

        await Step(context, "board ; starsend dailies --all");
        var review = await ReviewPages.ReadAsync(session, cancellationToken);
        var board = await ReviewPages.WriteBoardAsync(context, review, ReviewPages.DefaultBoard(context), cancellationToken);
        var dailies = await ReviewPages.WriteDailiesAsync(context, review, new StarSend.Review.Pages.DailiesFilter(), ReviewPages.DefaultDailies(context), cancellationToken);
        await context.Out.WriteLineAsync($"Board: {board}");
        await context.Out.WriteLineAsync($"Dailies: {dailies}");
        return worst;
    }

    private static Task Step(RunContext context, string name) => context.Out.WriteLineAsync($"== starsend {name}");

    private static async Task<int> Report(RunContext context, IReadOnlyList<SequenceOutcome> outcomes)
    {
        foreach (var o in outcomes)
        {
            await context.Out.WriteLineAsync($"  {o.SequenceId}: {(o.Succeeded ? "ok" : "FAILED")} {o.Message.Split('\n')[0]}");
        }

        return BatchRunner.ExitCodeOf(outcomes);
    }
}
