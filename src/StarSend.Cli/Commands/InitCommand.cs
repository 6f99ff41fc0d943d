using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Core.Plans;
using StarSend.Core.Projects;

namespace StarSend.Cli.Commands;

/// <summary>
/// <c>starsend init DIR [--plan FILE]</c>: validates the plan first, then creates the project layout with the plan and
/// its element images, and a <c>.gitignore</c> (<see cref="ProjectGitIgnore"/>). Refuses a folder that exists and is not empty.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CommandRunner runner)
    {
        var dir = new Argument<string>("DIR") { Description = "The new project folder" };
        var plan = new Option<string?>("--plan") { Description = "A client_plan.json to start from (its element images are copied too)" };
        var command = new Command("init", "Create a project folder from a client plan");
        command.Arguments.Add(dir);
        command.Options.Add(plan);
        command.SetAction((parseResult, ct) =>
        {
            var target = Path.GetFullPath(parseResult.GetValue(dir)!, runner.Host.CurrentDirectory);
            return runner.RunAsync(parseResult, "init", (context, token) => InitAsync(context, target, parseResult.GetValue(plan), token), ct, target);
        });
        return command;
    }

    private static async Task<int> InitAsync(RunContext context, string target, string? planFile, CancellationToken cancellationToken)
    {
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BadInputException($"{target} already exists and is not empty; init never overwrites a project");
        }

        if (File.Exists(target))
        {
            throw new BadInputException($"{target} is a file");
        }

        var paths = new ProjectPaths(target);
        PlanReport? report = null;
        string? source = null;
        if (planFile is not null)
        {
            source = Path.GetFullPath(planFile, context.Host.CurrentDirectory);
            if (!File.Exists(source))
            {
                throw new BadInputException($"--plan {planFile}: no such file");
            }

            report = PlanLoader.Parse(await File.ReadAllTextAsync(source, cancellationToken), Path.GetDirectoryName(source)!, source);
        }

        foreach (var folder in paths.LayoutDirs)
        {
            Directory.CreateDirectory(folder);
        }

        if (report is not null)
        {
            var sourceDir = Path.GetDirectoryName(source!)!;
            File.Copy(source!, paths.PlanFile);
            foreach (var image in report.Plan.Elements.SelectMany(e => e.ReferenceImages.Prepend(e.Image)).Distinct(StringComparer.Ordinal))
            {
                var to = paths.Full(image);
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(Path.GetFullPath(Path.Combine(sourceDir, image)), to, overwrite: false);
            }
        }
        else
        {
            await File.WriteAllTextAsync(paths.PlanFile, StarterPlan, cancellationToken);
        }

        await File.WriteAllTextAsync(Path.Combine(target, ProjectGitIgnore.FileName), ProjectGitIgnore.Text, cancellationToken);
        var sequences = report?.Plan.Sequences.Count ?? 1;
        await context.Out.WriteLineAsync($"Created {target} ({sequences} sequence(s)). Next: cd {target} && starsend validate && starsend status");
        return ExitCodes.Ok;
    }

    private const string StarterPlan = """
        {
          "project": "new-project",
          "song": { "title": "Untitled", "duration_s": 180, "bpm": 100 },
          "style": "35mm film",
          "aspect_ratio": "16:9",
          "elements": [],
          "sequences": [
            {
              "id": "SEQ01", "section": "intro", "start_s": 0, "end_s": 10,
              "description": "Opening shot",
              "elements": [],
              "shots": [ { "id": "shot01", "prompt": "wide establishing shot", "duration": 5 } ]
            }
          ]
        }

        """;
}
