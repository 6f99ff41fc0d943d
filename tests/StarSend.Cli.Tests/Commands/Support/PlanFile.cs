using System.Text.Json.Nodes;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Reads and rewrites the client_plan.json of a project folder.</summary>
internal static class PlanFile
{
    public const string Name = "client_plan.json";

    public static string PathIn(string projectDir) => Path.Combine(projectDir, Name);

    public static JsonObject Read(string projectDir) => JsonNode.Parse(File.ReadAllText(PathIn(projectDir)))!.AsObject();

    public static void Edit(string projectDir, Action<JsonObject> change)
    {
        var plan = Read(projectDir);
        change(plan);
        File.WriteAllText(PathIn(projectDir), plan.ToJsonString());
    }

    public static void EditText(string projectDir, Func<string, string> change)
    {
        var before = File.ReadAllText(PathIn(projectDir));
        var after = change(before);
        if (after == before)
        {
            throw new InvalidOperationException("the edit changed nothing: the demo plan is not what the test expects");
        }

        File.WriteAllText(PathIn(projectDir), after);
    }

    public static IReadOnlyList<string> SequenceIds(string projectDir) =>
        [.. Read(projectDir)["sequences"]!.AsArray().Select(s => s!["id"]!.GetValue<string>())];
}
