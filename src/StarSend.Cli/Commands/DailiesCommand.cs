using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Review.Pages;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend dailies [SEQ... | --section NAME | --all] [--since DATE | --run RUN_ID] [--out FILE]</c>.</summary>
internal static class DailiesCommand
{
    public static Command Create(CommandRunner runner)
    {
        var batch = new BatchOptions();
        var since = new Option<string?>("--since") { Description = "Only takes started since DATE (2026-11-29 or 2026-11-29T14:00, local time; or ISO with offset)" };
        var run = new Option<string?>("--run") { Description = "Only takes made by run RUN_ID" };
        var output = new Option<string?>("--out") { Description = "Where to write the page (default: review/dailies.html in the project)" };
        var command = new Command("dailies", "Write the dailies page: every take by sequence, newest first, with players, prompts and review controls");
        batch.AddTo(command);
        command.Options.Add(since);
        command.Options.Add(run);
        command.Options.Add(output);
        command.Validators.Add(r =>
        {
            if (r.GetResult(since) is not null && r.GetResult(run) is not null)
            {
                r.AddError("dailies takes --since DATE or --run RUN_ID, not both");
            }

            var ids = r.GetValue(batch.Ids) ?? [];
            if ((ids.Length > 0 ? 1 : 0) + (r.GetResult(batch.Section) is null ? 0 : 1) + (r.GetValue(batch.All) ? 1 : 0) > 1)
            {
                r.AddError("dailies takes sequence ids, --section NAME or --all (one of them; none means all)");
            }
        });
        command.SetAction((parseResult, ct) => runner.RunAsync(parseResult, "dailies", async (context, token) =>
        {
            using var session = ProjectSession.Open(context);
            var filter = new DailiesFilter
            {
                Sequences = parseResult.GetValue(batch.Ids) ?? [],
                Section = parseResult.GetValue(batch.Section),
                Since = parseResult.GetValue(since) is { } s ? DailiesFilter.ParseSince(s, context.Time.LocalTimeZone) : null,
                RunId = parseResult.GetValue(run),
            };
            var project = await ReviewPages.ReadAsync(session, token);
            var file = await ReviewPages.WriteDailiesAsync(context, project, filter, ReviewPages.OutFile(context, parseResult.GetValue(output), ReviewPages.DefaultDailies(context)), token);
            await context.Out.WriteLineAsync($"Dailies: {file}");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }
}
