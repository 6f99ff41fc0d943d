using System.Text.Json.Nodes;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>Reads a project's state files as plain JSON, the way a producer (or a script) would see them.</summary>
internal static class StateFiles
{
    public static string SequencesPath(string project) => Path.Combine(project, "state", "client", "sequences.json");

    public static string ExecutionsPath(string project) => Path.Combine(project, "state", "executions.json");

    public static JsonObject Sequence(string project, string id) =>
        JsonNode.Parse(File.ReadAllText(SequencesPath(project)))!["sequences"]![id]!.AsObject();

    public static string State(string project, string id) => Sequence(project, id)["state"]!.GetValue<string>();

    public static JsonObject Executions(string project) =>
        File.Exists(ExecutionsPath(project)) ? JsonNode.Parse(File.ReadAllText(ExecutionsPath(project)))!["executions"]!.AsObject() : [];

    /// <summary>The bytes of both state files (empty when a file does not exist yet).</summary>
    public static (byte[] Sequences, byte[] Executions) Bytes(string project) =>
        (ReadOrEmpty(SequencesPath(project)), ReadOrEmpty(ExecutionsPath(project)));

    private static byte[] ReadOrEmpty(string path) => File.Exists(path) ? File.ReadAllBytes(path) : [];
}
