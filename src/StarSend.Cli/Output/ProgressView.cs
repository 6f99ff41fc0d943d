using System.Collections.Concurrent;
using System.Diagnostics;
using Spectre.Console;
using StarSend.Core.Steps;

namespace StarSend.Cli.Output;

/// <summary>
/// Progress of a batch: on a terminal a live table (step, phase, queue position, elapsed, cost so far) on stderr;
/// when piped, plain lines (<see cref="ProgressLines"/>); with --json, nothing.
/// </summary>
internal sealed class ProgressView : IProgress<StepProgress>
{
    private readonly ConcurrentDictionary<string, (StepProgress Last, Stopwatch Since)> _steps = new(StringComparer.Ordinal);

    public static async Task<T> RunAsync<T>(RunContext context, Func<IProgress<StepProgress>, Task<T>> work)
    {
        if (!context.Host.IsTerminal || context.Json || !ReferenceEquals(context.Error, Console.Error))
        {
            return await work(new ProgressLines(context.Error, context.Json));
        }

        var view = new ProgressView();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var result = default(T);
        await console.Live(view.Render()).AutoClear(false).StartAsync(async live =>
        {
            var running = work(view);
            while (!running.IsCompleted)
            {
                live.UpdateTarget(view.Render());
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250), context.Time));
            }

            live.UpdateTarget(view.Render());
            result = await running;
        });
        return result!;
    }

    public void Report(StepProgress value) =>
        _steps.AddOrUpdate(value.StepId, _ => (value, Stopwatch.StartNew()), (_, old) => (value, old.Since));

    private Table Render()
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("Step", "Phase", "Queue", "Elapsed", "Cost");
        foreach (var (id, (last, since)) in _steps.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            table.AddRow(
                Markup.Escape(id),
                Markup.Escape(last.Phase),
                last.QueuePosition?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty,
                $"{since.Elapsed:m\\:ss}",
                last.CostUsd > 0 ? TextTable.Money(last.CostUsd) : string.Empty);
        }

        return table;
    }
}
