using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary>A broken client plan through the real CLI: exit 2, one line per problem with its JSON path, and nothing written but logs.</summary>
public sealed class PlanErrorTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private static readonly string[] ImageContentCases = ["element-text-named-png", "element-image-too-small"];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in BrokenPlans.All.Keys)
        {
            foreach (var command in new[] { "validate", "status", "grid SEQ02", "generate --all" })
            {
                // status checks element images for presence only (it opens no image, #12); what is inside them is
                // validate's and the paying commands' business.
                if (command == "status" && ImageContentCases.Contains(name))
                {
                    continue;
                }

                data.Add(name, command);
            }
        }

        return data;
    }

    public static TheoryData<string> Names() => [.. BrokenPlans.All.Keys];

    [Fact]
    public void BrokenPlans_CoverWhatTheCliMustReport()
    {
        BrokenPlans.All.Should().HaveCountGreaterThanOrEqualTo(15);
        BrokenPlans.All.Values.SelectMany(c => c.Problems).Select(p => p.Path).Distinct().Should().HaveCountGreaterThanOrEqualTo(20);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ProjectCommand_BrokenPlan_ExitsTwoWithOneLinePerProblemAndWritesOnlyLogs(string name, string command)
    {
        var project = _temp.Combine("project");
        DemoProject.CopyTo(project);
        var broken = BrokenPlans.All[name];
        broken.Break(project);
        var before = ProjectSnapshot.Take(project);

        var result = await Harness.Cli.RunAsync(project, OfflineEnvironment.Create(), command.Split(' '));

        result.ShouldFailWith(ExitCodes.BadInput);
        result.Out.Should().BeEmpty();
        ShouldReportExactly(result.PlanProblems(), broken.Problems);
        ProjectSnapshot.Take(project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Init_BrokenPlan_ExitsTwoWithTheSameLinesAndCreatesNoFolder(string name)
    {
        var source = _temp.Combine("from-client");
        DemoProject.CopyTo(source);
        var broken = BrokenPlans.All[name];
        broken.Break(source);
        var before = ProjectSnapshot.Take(_temp.Path);

        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), "init", "new-video", "--plan", Path.Combine("from-client", PlanFile.Name));

        result.ShouldFailWith(ExitCodes.BadInput);
        ShouldReportExactly(result.PlanProblems(), broken.Problems);
        Directory.Exists(_temp.Combine("new-video")).Should().BeFalse();
        ProjectSnapshot.Take(_temp.Path).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_SequenceWithSevenShots_IsAWarningOnlyAndExitsZero()
    {
        var project = _temp.Combine("project");
        DemoProject.CopyTo(project);
        var sevenShots = PlanFile.Read(project)["sequences"]!.AsArray().Select(s => s!["shots"]!.AsArray().Count).ToList().IndexOf(7);
        sevenShots.Should().BeGreaterThanOrEqualTo(0, "the demo plan has a sequence of 7 shots");
        var before = ProjectSnapshot.Take(project);

        var result = await Harness.Cli.RunAsync(project, OfflineEnvironment.Create(), "validate");

        result.ShouldSucceed();
        result.Error.Should().BeEmpty();
        result.Out.Should().Contain($"warning: $.sequences[{sevenShots}]: generated per shot only (7 shots,");
        result.Out.Should().Contain("client_plan.json is valid");
        ProjectSnapshot.Take(project, "logs").ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Validate_NoPlanInTheFolder_ExitsTwoAndCreatesNothing()
    {
        var empty = _temp.Combine("empty");
        Directory.CreateDirectory(empty);

        var result = await Harness.Cli.RunAsync(empty, OfflineEnvironment.Create(), "validate");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().ContainSingle().Which.Should().Contain("no client_plan.json");
        Directory.EnumerateFileSystemEntries(empty).Should().BeEmpty();
    }

    [Fact]
    public async Task PaidCommands_BrokenPlan_SendNothingToTheProviders()
    {
        await using var project = await EmulatedProject.StartAsync();
        BrokenPlans.All["element-image-too-small"].Break(project.Dir);

        var grid = await project.RunAsync("grid", "--all");
        var generate = await project.RunAsync("generate", "--all", "--yes");

        grid.ShouldFailWith(ExitCodes.BadInput);
        generate.ShouldFailWith(ExitCodes.BadInput);
        project.Emulator.GetStats().Requests.Values.Sum().Should().Be(0);
    }

    public void Dispose() => _temp.Dispose();

    private static void ShouldReportExactly(IReadOnlyList<PlanProblemLine> reported, IReadOnlyList<PlanProblemLine> expected)
    {
        reported.Select(p => p.Path).Should().BeEquivalentTo(expected.Select(p => p.Path), "one line per problem, with its JSON path");
        foreach (var problem in expected)
        {
            reported.Should().Contain(p => p.Path == problem.Path && p.Reason.Contains(problem.Reason), $"{problem.Path} should say '{problem.Reason}'");
        }
    }
}
