using System.Text.Json.Nodes;
using StarSend.Core.Errors;

namespace StarSend.Core.Tests.Plans;

/// <summary>A table of broken plans: each must be refused with exactly the listed paths, all in one exception.</summary>
public sealed class PlanLoaderInvalidTests : IDisposable
{
    private readonly PlanFixture _fixture = new();

    public static TheoryData<string> CaseNames => [.. InvalidPlanCases.All.Keys];

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Load_InvalidPlan_ReportsEveryProblemWithItsPath(string name)
    {
        var (build, paths, reason) = InvalidPlanCases.All[name];
        var json = build(PlanFixture.ValidPlan(), _fixture);

        var act = () => _fixture.Load(json);

        var error = act.Should().Throw<PlanInvalidException>().Which;
        error.File.Should().Be(_fixture.PlanFile);
        error.Problems.Select(p => p.Path).Should().Equal(paths);
        error.Problems.Should().OnlyContain(p => p.Reason.Length > 0 && !p.Reason.Contains('\n'));
        error.Message.Should().Contain($"{paths.Length} problem(s)");
        if (reason is not null)
        {
            error.Problems[0].Reason.Should().Contain(reason);
        }
    }

    [Fact]
    public void Load_ManyProblems_ReportsThemAllTogetherInDocumentOrder()
    {
        var plan = PlanFixture.ValidPlan();
        plan["song"]!["duration_s"] = -3;
        plan["aspect_ratio"] = "4:3";
        plan["elements"]![1]!["image"] = "../../secret.png";
        plan["sequences"]![0]!["shots"]![1]!["duration"] = "five";
        plan["sequences"]![1]!["id"] = "SEQ01";
        plan["sequences"]![2]!["shots"]![0]!["prompt"] = "";
        plan["sequences"]![2]!["elements"] = new JsonArray("ghost");

        var act = () => _fixture.Load(plan);

        act.Should().Throw<PlanInvalidException>().Which.Problems.Select(p => p.ToString()).Should().Equal(
            "$.song.duration_s: must be more than 0 seconds, got -3",
            "$.aspect_ratio: expected one of \"16:9\", \"9:16\", \"1:1\", got \"4:3\"",
            "$.elements[1].image: points outside the project folder",
            "$.sequences[0].shots[1].duration: expected a whole number of seconds, got \"five\"",
            "$.sequences[1].id: duplicate sequence id \"SEQ01\" (first used at $.sequences[0].id)",
            "$.sequences[2].elements[0]: unknown element \"ghost\": not in $.elements",
            "$.sequences[2].shots[0].prompt: is empty");
    }

    [Fact]
    public void Load_MalformedJson_ReportsLineAndColumnAtRoot()
    {
        var act = () => _fixture.Load("{\n  \"project\": \"x\",\n  \"song\": }\n");

        var problem = act.Should().Throw<PlanInvalidException>().Which.Problems.Should().ContainSingle().Subject;
        problem.Path.Should().Be("$");
        problem.Reason.Should().Be("not valid JSON at line 3, column 11");
    }

    [Fact]
    public void Load_NoPlanFile_ReportsFileNotFound()
    {
        var act = () => Core.Plans.PlanLoader.Load(_fixture.Root);

        act.Should().Throw<PlanInvalidException>().Which.Problems.Should().Equal(new PlanProblem("$", "file not found"));
    }

    [Fact]
    public void Load_InvalidPlan_WritesNothing()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![0]!["shots"] = new JsonArray();
        File.WriteAllText(_fixture.PlanFile, plan.ToJsonString());
        var before = Snapshot();

        var act = () => Core.Plans.PlanLoader.Load(_fixture.Root);

        act.Should().Throw<PlanInvalidException>();
        Snapshot().Should().Equal(before);
    }

    private string[] Snapshot() =>
        [.. Directory.EnumerateFileSystemEntries(_fixture.Root, "*", SearchOption.AllDirectories)
            .Select(p => $"{p}|{File.GetLastWriteTimeUtc(p).Ticks}|{(File.Exists(p) ? new FileInfo(p).Length : -1)}")
            .Order(StringComparer.Ordinal)];
}
