using StarSend.Core.Costs;
using StarSend.Core.Plans;
using StarSend.Core.Sequences;
using StarSend.Core.Settings;

namespace StarSend.Core.Tests.Costs;

/// <summary>The one price table behind the board's and <c>status --coverage</c>'s estimates to finish.</summary>
public sealed class PriceTableTests
{
    private static readonly ProjectSettings Defaults = new();

    [Fact]
    public void ToFinish_NoGridNoTake_IsOneGridAndOneTakeOnTheProjectModel()
    {
        var sequence = Sequence(videoModel: null, 10);

        new PriceTable(Defaults).ToFinish(sequence, null).Should().Be(Math.Round(0.067m + (10 * 0.112m), 2));
    }

    [Fact]
    public void ToFinish_SequenceOnLeonardo_IsPricedAtThatModelsRate_NotTheProjects()
    {
        var sequence = Sequence("leonardo:veo-3.1-generate-001", 8);
        var record = new SequenceRecord { Id = "SEQ01", Grids = [new GridAttempt { Number = 1, RunId = "r", File = "media/grids/g.png" }] };

        new PriceTable(Defaults).ToFinish(sequence, record).Should().Be(8 * 0.40m, "Veo 3.1 on Leonardo is $0.40/s in the catalog, against Kling O3's $0.112");
    }

    [Fact]
    public void ToFinish_ProjectPriceOverride_WinsForBothFalAndLeonardoKeys()
    {
        var settings = new ProjectSettings
        {
            VideoPricesPerSecond = new(StringComparer.Ordinal) { [SettingsDefaults.VideoModel] = 0.2m, ["leonardo:kling-3.0"] = 0.3m },
            ImagePrices = new(StringComparer.Ordinal) { [SettingsDefaults.ImageModel] = 0.5m },
        };
        var table = new PriceTable(settings);

        table.VideoPerSecond($"fal:{SettingsDefaults.VideoModel}").Should().Be(0.2m, "a fal model is found whether or not its id carries the fal: prefix");
        table.VideoPerSecond("leonardo:kling-3.0").Should().Be(0.3m);
        table.ToFinish(Sequence(null, 5), null).Should().Be(0.5m + 1.0m);
    }

    [Fact]
    public void ToFinish_TakeWaitingForReview_CountsNoNewTake_ButARetakeDoes()
    {
        var grid = new GridAttempt { Number = 1, RunId = "r", File = "media/grids/g.png" };
        var take = new Take { Number = 1, RunId = "r", Mode = TakeMode.MultiShot, ShotPrompts = ["p"], Durations = ["10"] };
        var waiting = new SequenceRecord { Id = "SEQ01", State = SequenceState.Review, Grids = [grid], Takes = [take] };
        var sentBack = waiting with { Takes = [take with { ReviewStatus = TakeReviewStatus.Retake }] };
        var table = new PriceTable(Defaults);

        table.ToFinish(Sequence(null, 10), waiting).Should().Be(0m, "the pending take may yet be approved");
        table.ToFinish(Sequence(null, 10), sentBack).Should().Be(1.12m, "every take was sent back: one more take");
    }

    [Fact]
    public void ToFinish_ApprovedOrOmitted_IsZero()
    {
        var table = new PriceTable(Defaults);

        table.ToFinish(Sequence(null, 10), new SequenceRecord { Id = "SEQ01", State = SequenceState.Approved }).Should().Be(0m);
        table.ToFinish(Sequence(null, 10), new SequenceRecord { Id = "SEQ01", Omitted = true }).Should().Be(0m);
        table.ToFinish(Sequence(null, 10), null, omitted: true).Should().Be(0m);
    }

    [Fact]
    public void VideoPerSecond_ModelPricedNowhere_ErrsHigh()
    {
        new PriceTable(Defaults).VideoPerSecond("fal-ai/some/new/endpoint").Should().Be(PriceTable.UnknownVideoPerSecond);
        new PriceTable(Defaults).Image("gemini-9-image").Should().Be(PriceTable.UnknownImage);
    }

    private static PlanSequence Sequence(string? videoModel, int seconds) => new()
    {
        Id = "SEQ01",
        Section = "intro",
        StartS = 0,
        EndS = seconds,
        VideoModel = videoModel,
        Shots = [new PlanShot { Id = "shot01", Prompt = "p", Duration = seconds }],
    };
}
