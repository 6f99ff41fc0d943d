using System.Text.Json;
using System.Text.Json.Nodes;
using StarSend.Core.Errors;
using StarSend.Core.Json;
using StarSend.Core.Plans;

namespace StarSend.Core.Tests.Plans;

public sealed class PlanLoaderTests : IDisposable
{
    private readonly PlanFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public void Load_ValidPlan_ReadsEveryFieldWithoutWarnings()
    {
        var report = _fixture.Load(PlanFixture.ValidPlan());

        report.Warnings.Should().BeEmpty();
        var plan = report.Plan;
        plan.Project.Should().Be("test-video");
        plan.Song.Should().BeEquivalentTo(new { Title = "Test Song", DurationS = 60.0, Bpm = 100.0 });
        plan.Elements.Select(e => e.Id).Should().Equal("singer", "car");
        plan.Sequences.Select(s => (s.Id, s.Section, s.StartS, s.EndS, s.TotalDurationS)).Should().Equal(
            ("SEQ01", "intro", 0.0, 10.0, 10), ("SEQ02", "verse", 10.0, 20.0, 10), ("SEQ03", "chorus", 20.0, 30.0, 10));
        plan.Sequences[0].Elements.Should().Equal("singer", "car");
        plan.Sequences[1].Shots[1].Should().BeEquivalentTo(new { Id = "shot02", Prompt = "singer turns", Duration = 6, OwnStartFrame = false });
    }

    [Fact]
    public void Load_PlanWithCommentsAndTrailingCommas_Loads()
    {
        var json = PlanFixture.ValidPlan().ToJsonString().Replace("\"style\":", "/* look */ \"style\":", StringComparison.Ordinal)
            .Replace("\"bpm\":100}", "\"bpm\":100,}", StringComparison.Ordinal);

        var report = _fixture.Load(json);

        report.Plan.Style.Should().Be("35mm film");
    }

    [Fact]
    public void Load_ExtraFields_AreKeptThroughARoundTrip()
    {
        var plan = PlanFixture.ValidPlan();
        plan["client"] = new JsonObject { ["name"] = "Harbour Records", ["po"] = 1234 };
        plan["song"]!["isrc"] = "GB-XXX-26-00001";
        plan["elements"]![0]!["wardrobe"] = new JsonArray("red coat");
        plan["sequences"]![0]!["mood"] = "hopeful";
        plan["sequences"]![0]!["shots"]![1]!["camera"] = new JsonObject { ["lens"] = "35mm" };

        var loaded = _fixture.Load(plan).Plan;
        var written = JsonNode.Parse(JsonSerializer.Serialize(loaded, StarSendJson.Options))!;

        loaded.Extra!["client"].GetProperty("name").GetString().Should().Be("Harbour Records");
        JsonNode.DeepEquals(written["client"], plan["client"]).Should().BeTrue();
        JsonNode.DeepEquals(written["song"]!["isrc"], plan["song"]!["isrc"]).Should().BeTrue();
        JsonNode.DeepEquals(written["elements"]![0]!["wardrobe"], plan["elements"]![0]!["wardrobe"]).Should().BeTrue();
        JsonNode.DeepEquals(written["sequences"]![0]!["mood"], plan["sequences"]![0]!["mood"]).Should().BeTrue();
        JsonNode.DeepEquals(written["sequences"]![0]!["shots"]![1]!["camera"], plan["sequences"]![0]!["shots"]![1]!["camera"]).Should().BeTrue();
        written["sequences"]![0]!.AsObject().Select(p => p.Key).Should().NotContain(["total_duration_s", "fits_one_multi_shot_call"]);
    }

    [Fact]
    public void Load_ValidPlan_LeavesThePlanFileUntouched()
    {
        var json = PlanFixture.ValidPlan().ToJsonString();

        _fixture.Load(json);

        File.ReadAllText(_fixture.PlanFile).Should().Be(json);
        Directory.EnumerateFileSystemEntries(_fixture.Root).Select(Path.GetFileName).Should().BeEquivalentTo([PlanLoader.FileName, "elements"]);
    }

    [Fact]
    public void Load_PromptOfExactlyKlingsLimitInCodePoints_IsValid()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![0]!["shots"]![0]!["prompt"] = string.Concat(Enumerable.Repeat("\U0001F3B8", PlanLimits.MaxPromptCharacters));

        var report = _fixture.Load(plan);

        report.Plan.Sequences[0].Shots[0].Prompt.Length.Should().Be(2 * PlanLimits.MaxPromptCharacters, "each guitar is two UTF-16 units but one character");
        report.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Load_SequenceOverFifteenSeconds_WarnsPerShotOnly()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![2]!["shots"]![1]!["duration"] = 11;

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(new PlanProblem("$.sequences[2]", "generated per shot only (2 shots, 16 s)"));
    }

    [Fact]
    public void Load_KeyOneTypoFromAKnownKey_WarnsDidYouMean_ButACustomKeyIsLeftAlone()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![0]!["video_modle"] = "leonardo:kling-3.0";
        plan["sequences"]![0]!["shots"]![0]!["durration"] = 5;
        plan["sequences"]![0]!["mood"] = "warm";

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(
            new PlanProblem("$.sequences[0].video_modle", "unknown key, ignored; did you mean 'video_model'?"),
            new PlanProblem("$.sequences[0].shots[0].durration", "unknown key, ignored; did you mean 'duration'?"));
        report.Plan.Sequences[0].VideoModel.Should().BeNull("the typo is not read as the model: the warning is the producer's only clue");
    }

    [Fact]
    public void Load_SequenceOfSevenShots_WarnsPerShotOnly()
    {
        var plan = PlanFixture.ValidPlan();
        var shots = new JsonArray();
        for (var i = 1; i <= 7; i++)
        {
            shots.Add(new JsonObject { ["id"] = $"s{i}", ["prompt"] = $"beat {i}", ["duration"] = 3 });
        }

        plan["sequences"]![1]!["shots"] = shots;

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(new PlanProblem("$.sequences[1]", "generated per shot only (7 shots, 21 s)"));
        report.Plan.Sequences[1].FitsOneMultiShotCall.Should().BeFalse();
    }

    [Fact]
    public void Load_ShotWithOwnStartFrame_WarnsPerShotOnly()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![0]!["shots"]![1]!["own_start_frame"] = true;

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(new PlanProblem("$.sequences[0]", "generated per shot only (own start frame on shot02)"));
    }

    [Fact]
    public void Load_MoreElementsThanTheStartFrameCap_WarnsWhichAreLeftOut()
    {
        var plan = PlanFixture.ValidPlan();
        foreach (var id in new[] { "boat", "dog" })
        {
            plan["elements"]!.AsArray().Add(new JsonObject { ["id"] = id, ["image"] = "elements/singer.png" });
        }

        plan["sequences"]![1]!["elements"] = new JsonArray("dog", "singer", "boat", "car");

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(new PlanProblem(
            "$.sequences[1].elements", "4 elements; with a start frame Kling takes the first 3, so car will be left out"));
    }

    [Fact]
    public void Load_MoreThanThreeReferenceImages_Warns()
    {
        var plan = PlanFixture.ValidPlan();
        plan["elements"]![1]!["reference_images"] = new JsonArray("elements/car.jpg", "elements/singer.png", "elements/car.jpg", "./elements/singer.png");

        var report = _fixture.Load(plan);

        report.Warnings.Should().Equal(new PlanProblem("$.elements[1].reference_images", "4 reference images; only the first 3 are sent"));
        report.Plan.Elements[1].ReferenceImages.Should().HaveCount(4);
    }

    [Fact]
    public void Load_NullOptionalFields_AreAccepted()
    {
        var plan = PlanFixture.ValidPlan();
        plan["style"] = null;
        plan["song"]!["bpm"] = null;
        plan["sequences"]![0]!["description"] = null;
        plan["elements"]![1]!.AsObject().Remove("name");
        plan.Remove("aspect_ratio");

        var report = _fixture.Load(plan);

        report.Plan.Style.Should().BeNull();
        report.Plan.Song.Bpm.Should().BeNull();
        report.Plan.AspectRatio.Should().Be("16:9");
    }

    [Fact]
    public void Parse_InvalidText_NamesTheGivenFileAndChecksImagesAgainstTheGivenRoot()
    {
        var plan = PlanFixture.ValidPlan();
        plan["sequences"]![0]!["shots"]![0]!["duration"] = 20;

        var act = () => PlanLoader.Parse(plan.ToJsonString(), _fixture.Root, "incoming/plan.json");

        var error = act.Should().Throw<PlanInvalidException>().Which;
        error.File.Should().Be("incoming/plan.json");
        error.Problems.Select(p => p.Path).Should().Equal("$.sequences[0].shots[0].duration");
    }

    [Fact]
    public void Load_PlanFileElsewhere_ResolvesImagesAgainstTheProjectFolder()
    {
        var elsewhere = _fixture.Combine("incoming", "plan-v2.json");
        Directory.CreateDirectory(Path.GetDirectoryName(elsewhere)!);
        File.WriteAllText(elsewhere, PlanFixture.ValidPlan().ToJsonString());

        var report = PlanLoader.Load(_fixture.Root, elsewhere);
        var wrongRoot = () => PlanLoader.Load(Path.GetDirectoryName(elsewhere)!, elsewhere);

        report.Plan.Sequences.Should().HaveCount(3);
        wrongRoot.Should().Throw<PlanInvalidException>().Which.Problems.Select(p => p.Path).Should().Equal("$.elements[0].image", "$.elements[1].image");
    }
}
