using System.Text.Json.Nodes;
using StarSend.Cli.Commands;
using StarSend.Cli.Tests.Commands.Support;
using StarSend.Core.Errors;
using StarSend.Testing;

namespace StarSend.Cli.Tests.Commands;

/// <summary><c>starsend init DIR [--plan FILE]</c>: validates first, never overwrites, copies the plan and exactly its images.</summary>
public sealed class InitCommandTests : IDisposable
{
    private static readonly string[] Layout = ["elements", "state/client", "media/grids", "media/start_frames", "media/videos", "logs"];

    private readonly TempDirectory _temp = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Init_NonEmptyFolder_ExitsTwoAndChangesNothing(bool withPlan)
    {
        var source = SourceProject();
        var target = _temp.Combine("existing");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "notes.txt"), "keep me");
        var before = ProjectSnapshot.Take(_temp.Path);
        string[] args = withPlan ? ["init", "existing", "--plan", PlanFile.PathIn(source)] : ["init", "existing"];

        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), args);

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().ContainSingle().Which.Should().Contain("not empty");
        result.ErrorLines.Should().HaveCount(1);
        ProjectSnapshot.Take(_temp.Path).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Init_ValidPlan_CopiesThePlanAndItsElementImagesAndCreatesTheLayout()
    {
        var source = SourceProject();
        TestPng.Write(Path.Combine(source, "elements", "angles", "singer_side.png"), 400, 600);
        PlanFile.Edit(source, p => p["elements"]![0]!["reference_images"] = new JsonArray("elements/angles/singer_side.png"));
        await File.WriteAllTextAsync(Path.Combine(source, "elements", "unused.png"), "not named by the plan");
        await File.WriteAllTextAsync(Path.Combine(source, "notes.txt"), "client call notes");
        var named = NamedImages(source);

        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), "init", "new-video", "--plan", PlanFile.PathIn(source));

        result.ShouldSucceed();
        result.Out.Should().Contain("Created");
        var target = _temp.Combine("new-video");
        var copied = ProjectSnapshot.Take(target);
        copied.Files.Should().BeEquivalentTo(named.Append(PlanFile.Name).Append(".gitignore"), "the plan, exactly the images it names, and the .gitignore");
        foreach (var file in copied.Files.Where(f => f != ".gitignore"))
        {
            File.ReadAllBytes(Path.Combine(target, file)).Should().Equal(File.ReadAllBytes(Path.Combine(source, file)), file);
        }

        foreach (var folder in Layout)
        {
            Directory.Exists(Path.Combine(target, folder)).Should().BeTrue(folder);
        }

        var validate = await Harness.Cli.RunAsync(target, OfflineEnvironment.Create(), "validate");
        validate.ShouldSucceed();
    }

    [Fact]
    public async Task Init_WithoutPlan_WritesAStarterPlanThatValidates()
    {
        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), "init", "starter");

        result.ShouldSucceed();
        var target = _temp.Combine("starter");
        File.Exists(PlanFile.PathIn(target)).Should().BeTrue();
        Layout.Should().OnlyContain(folder => Directory.Exists(Path.Combine(target, folder)));
        (await Harness.Cli.RunAsync(target, OfflineEnvironment.Create(), "validate")).ShouldSucceed();
    }

    [Fact]
    public async Task Init_PlanFileMissing_ExitsTwoAndCreatesNoFolder()
    {
        var result = await Harness.Cli.RunAsync(_temp.Path, OfflineEnvironment.Create(), "init", "new-video", "--plan", "nowhere/client_plan.json");

        result.ShouldFailWith(ExitCodes.BadInput);
        result.ErrorMessages().Should().ContainSingle().Which.Should().Contain("nowhere/client_plan.json");
        Directory.Exists(_temp.Combine("new-video")).Should().BeFalse();
    }

    public void Dispose() => _temp.Dispose();

    private string SourceProject()
    {
        var source = _temp.Combine("from-client");
        DemoProject.CopyTo(source);
        return source;
    }

    private static List<string> NamedImages(string project) =>
    [
        .. PlanFile.Read(project)["elements"]!.AsArray()
            .SelectMany(e => (e!["reference_images"]?.AsArray().Select(r => r!.GetValue<string>()) ?? []).Prepend(e["image"]!.GetValue<string>()))
            .Distinct(StringComparer.Ordinal),
    ];
}
