using StarSend.Core.Elements;
using StarSend.Core.Plans;

namespace StarSend.Core.Tests.Elements;

public sealed class ElementManagerTests
{
    private static readonly string[] AllIds = ["singer", "car", "dog", "boat", "kite"];

    [Theory]
    [InlineData(true, 3)]
    [InlineData(false, 4)]
    public void Cap_StartFrameOrNot_MatchesPlanLimits(bool withStartFrame, int expected)
    {
        ElementManager.Cap(withStartFrame).Should().Be(expected);
    }

    [Theory]
    [InlineData(0, true, 0)]
    [InlineData(2, true, 0)]
    [InlineData(3, true, 0)]
    [InlineData(4, true, 1)]
    [InlineData(5, true, 2)]
    [InlineData(4, false, 0)]
    [InlineData(5, false, 1)]
    public void Select_ElementCount_DropsWhatPassesTheCap(int count, bool withStartFrame, int dropped)
    {
        var plan = Plan();
        var sequence = Sequence(AllIds.Take(count));

        var selection = ElementManager.Select(plan, sequence, withStartFrame);

        selection.Dropped.Should().HaveCount(dropped);
        selection.Used.Should().HaveCount(count - dropped);
        selection.Used.Concat(selection.Dropped).Select(e => e.Id).Should().Equal(AllIds.Take(count));
    }

    [Fact]
    public void Select_SequenceOrderDiffersFromPlanOrder_SequenceOrderWins()
    {
        var plan = Plan();
        var sequence = Sequence(["kite", "boat", "singer", "car"]);

        var selection = ElementManager.Select(plan, sequence, withStartFrame: true);

        selection.Used.Select(e => e.Id).Should().Equal("kite", "boat", "singer");
        selection.Dropped.Select(e => e.Id).Should().Equal("car");
        selection.Used[0].Should().BeSameAs(plan.FindElement("kite"));
    }

    [Fact]
    public void Select_RepeatedOrUnknownIds_CountOnceAndAreSkipped()
    {
        var plan = Plan();
        var sequence = Sequence(["dog", "ghost", "dog", "car", "singer", "boat"]);

        var selection = ElementManager.Select(plan, sequence, withStartFrame: false);

        selection.Used.Select(e => e.Id).Should().Equal("dog", "car", "singer", "boat");
        selection.Dropped.Should().BeEmpty();
    }

    private static ClientPlan Plan() => new()
    {
        Project = "p",
        Song = new Song { Title = "t", DurationS = 60 },
        Elements = [.. AllIds.Select(id => new PlanElement { Id = id, Image = $"elements/{id}.png" })],
    };

    private static PlanSequence Sequence(IEnumerable<string> elements) => new()
    {
        Id = "SEQ01",
        Section = "intro",
        StartS = 0,
        EndS = 5,
        Elements = [.. elements],
        Shots = [new PlanShot { Id = "shot01", Prompt = "p", Duration = 5 }],
    };
}
