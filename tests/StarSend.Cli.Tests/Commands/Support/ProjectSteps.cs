using StarSend.Cli.Tests.Harness;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Workflow steps through the CLI that a test needs done before the part it checks.</summary>
internal static class ProjectSteps
{
    public static async Task<CliResult> MustRunAsync(this EmulatedProject project, params string[] args)
    {
        var result = await project.RunAsync(args);
        result.ShouldSucceed();
        return result;
    }

    /// <summary>grid then pick: the sequence is start_frame_approved.</summary>
    public static async Task GridAndPickAsync(this EmulatedProject project, string sequence, string cell = "1")
    {
        await project.MustRunAsync("grid", sequence);
        await project.MustRunAsync("pick", sequence, cell);
        StateFiles.State(project.Dir, sequence).Should().Be("start_frame_approved");
    }

    /// <summary>Rewrites starsend.json with <paramref name="settings"/> added to what is there.</summary>
    public static void SetSettings(this EmulatedProject project, params (string Name, System.Text.Json.Nodes.JsonNode Value)[] settings)
    {
        var path = Path.Combine(project.Dir, "starsend.json");
        var json = File.Exists(path) ? System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject() : [];
        foreach (var (name, value) in settings)
        {
            json[name] = value;
        }

        File.WriteAllText(path, json.ToJsonString());
    }
}
