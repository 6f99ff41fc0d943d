using System.Text.RegularExpressions;
using StarSend.Cli.Tests.Harness;

namespace StarSend.Cli.Tests.Commands.Support;

/// <summary>What every failing command must look like: its exit code, one-line <c>Error:</c> messages, no stack trace.</summary>
internal static partial class CliAssertions
{
    public static void ShouldFailWith(this CliResult result, int exitCode)
    {
        result.ExitCode.Should().Be(exitCode, "stdout: {0}\nstderr: {1}", result.Out, result.Error);
        result.ShouldHaveNoStackTrace();
    }

    public static void ShouldSucceed(this CliResult result)
    {
        result.ExitCode.Should().Be(0, "stdout: {0}\nstderr: {1}", result.Out, result.Error);
        result.ShouldHaveNoStackTrace();
    }

    public static void ShouldHaveNoStackTrace(this CliResult result)
    {
        (result.Out + result.Error).Should().NotContain("   at ").And.NotContain("Exception:").And.NotContain("--- End of");
    }

    /// <summary>The <c>Error:</c> lines on stderr.</summary>
    public static IReadOnlyList<string> ErrorMessages(this CliResult result) =>
        [.. result.ErrorLines.Where(l => l.StartsWith("Error: ", StringComparison.Ordinal))];

    /// <summary>Every stderr line must be <c>Error: FILE PATH: REASON</c>; returns them as (path, reason).</summary>
    public static IReadOnlyList<PlanProblemLine> PlanProblems(this CliResult result, string file = "client_plan.json")
    {
        var problems = new List<PlanProblemLine>();
        foreach (var line in result.ErrorLines)
        {
            var match = PlanErrorLine().Match(line);
            match.Success.Should().BeTrue($"every stderr line must be 'Error: {file} $.path: reason', got: {line}");
            match.Groups["file"].Value.Should().Be(file);
            problems.Add(new PlanProblemLine(match.Groups["path"].Value, match.Groups["reason"].Value));
        }

        return problems;
    }

    [GeneratedRegex(@"^Error: (?<file>\S+) (?<path>\$\S*): (?<reason>.+)$")]
    private static partial Regex PlanErrorLine();
}
