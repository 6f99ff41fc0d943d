using StarSend.Core.Projects;
using StarSend.Infrastructure.State;

namespace StarSend.TestChild;

/// <summary>
/// <c>write DIR N KEY</c>: N growing rewrites of executions.json, "wrote I" after each.
/// <c>hammer DIR N KEY</c>: N increments of sequences.json counters from two tasks, then "done KEY N".
/// <c>hold DIR PURPOSE</c>: takes the project lock, says "held", keeps it until stdin closes.
/// </summary>
public static class ChildCommands
{
    private static readonly StateFileOptions _options = new() { LockTimeout = TimeSpan.FromMinutes(2), Holder = "starsend test child" };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextReader input)
    {
        if (args.Length != 4 && !(args.Length == 3 && args[0] == "hold"))
        {
            await Console.Error.WriteLineAsync("usage: write|hammer DIR N KEY | hold DIR PURPOSE");
            return 2;
        }

        var paths = new ProjectPaths(args[1]);
        switch (args[0])
        {
            case "write":
                await WriteAsync(paths, int.Parse(args[2]), args[3], output);
                return 0;
            case "hammer":
                await HammerAsync(paths, int.Parse(args[2]), args[3], output);
                return 0;
            case "hold":
                await HoldAsync(paths, args[2], output, input);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"unknown workload '{args[0]}'");
                return 2;
        }
    }

    private static async Task WriteAsync(ProjectPaths paths, int count, string key, TextWriter output)
    {
        var store = new ExecutionStore(paths, TimeProvider.System, _options);
        await output.WriteLineAsync("ready");
        for (var i = 1; i <= count; i++)
        {
            var version = i;
            await store.UpdateAsync(doc => Workloads.AddUpload(doc, key, version), CancellationToken.None);
            await output.WriteLineAsync($"wrote {i}");
        }
    }

    private static async Task HammerAsync(ProjectPaths paths, int count, string key, TextWriter output)
    {
        var store = new SequenceStore(paths, TimeProvider.System, _options);
        await output.WriteLineAsync("ready");
        var half = count / 2;
        await Task.WhenAll(Increment(half), Increment(count - half));
        await output.WriteLineAsync($"done {key} {count}");

        async Task Increment(int times)
        {
            for (var i = 0; i < times; i++)
            {
                await store.UpdateAsync(doc => Workloads.Increment(doc, key), CancellationToken.None);
            }
        }
    }

    private static async Task HoldAsync(ProjectPaths paths, string purpose, TextWriter output, TextReader input)
    {
        var held = await new ProjectLock(paths).AcquireAsync(TimeSpan.FromSeconds(30), purpose, TimeProvider.System, CancellationToken.None);
        await using (held)
        {
            await output.WriteLineAsync("held");
            while (await input.ReadLineAsync() is not null)
            {
            }
        }

        await output.WriteLineAsync("released");
    }
}
