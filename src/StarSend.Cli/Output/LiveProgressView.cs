using System.Collections.Concurrent;
using Spectre.Console;
using Spectre.Console.Rendering;
using StarSend.Core.Steps;

namespace StarSend.Cli.Output;

/// <summary>
/// The progress board drawn live on a terminal (stderr) with Spectre.Console: a table of the steps still worth
/// looking at, one line for the collapsed finished ones, the latest log warnings, and the footer. Log lines meant
/// for stderr are held while it draws and written after it.
/// </summary>
internal static class LiveProgressView
{
    private const int NotesShown = 3;

    public static async Task<T> RunAsync<T>(RunContext context, ProgressBoard board, Func<Task<T>> work)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var notes = new ConcurrentQueue<string>();
        context.ConsoleLog?.Divert(notes.Enqueue);
        var result = default(T);
        try
        {
            await console.Live(Render(board, notes)).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).StartAsync(async live =>
            {
                var running = work();
                while (!running.IsCompleted)
                {
                    live.UpdateTarget(Render(board, notes));
                    await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250), context.Time));
                }

                // The last frame stays on screen; the held log lines follow it, each once.
                live.UpdateTarget(Render(board, new ConcurrentQueue<string>()));
                result = await running;
            });
        }
        finally
        {
            context.ConsoleLog?.Restore();
            foreach (var note in notes)
            {
                await context.Error.WriteLineAsync(note);
            }
        }

        return result!;
    }

    private static Rows Render(ProgressBoard board, ConcurrentQueue<string> notes)
    {
        var (visible, collapsed) = board.Rows();
        var parts = new List<IRenderable>();
        if (visible.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).AddColumns("Step", "Phase", "Elapsed");
            foreach (var row in visible)
            {
                table.AddRow(
                    Markup.Escape(row.StepId),
                    $"[{Colour(row.Kind)}]{Markup.Escape(ProgressText.Phase(row, board))}[/]",
                    ProgressFooter.Clock(board.ElapsedOf(row)));
            }

            parts.Add(table);
        }

        if (collapsed.Count > 0)
        {
            var names = string.Join(" · ", collapsed.GroupBy(r => r.SequenceId).Select(g => $"{g.Key} {g.Last().Text}"));
            parts.Add(new Markup($"[green]✓ {collapsed.Count} finished:[/] [grey]{Markup.Escape(names.Length > 160 ? names[..159] + "…" : names)}[/]"));
        }

        foreach (var note in notes.TakeLast(NotesShown))
        {
            parts.Add(new Markup($"[yellow]{Markup.Escape(note)}[/]"));
        }

        parts.Add(new Markup($"[bold]{Markup.Escape(board.Footer().ToString())}[/]"));
        return new Rows(parts);
    }

    private static string Colour(StepPhase kind) => kind switch
    {
        StepPhase.Done => "green",
        StepPhase.Failed => "red",
        StepPhase.Waiting => "yellow",
        StepPhase.Queued or StepPhase.Skipped => "grey",
        _ => "deepskyblue1",
    };
}
