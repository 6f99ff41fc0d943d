using StarSend.Core.Errors;
using StarSend.Export.Timeline;

namespace StarSend.Export.Tests;

public sealed class FrameRateTests
{
    [Theory]
    [InlineData(24, 24, 1)]
    [InlineData(25, 25, 1)]
    [InlineData(23.976, 24000, 1001)]
    [InlineData(29.97, 30000, 1001)]
    [InlineData(59.94, 60000, 1001)]
    public void FromPlan_KnownRates_ExactFraction(double fps, int numerator, int denominator) =>
        FrameRate.FromPlan(fps).Should().Be(new FrameRate(numerator, denominator));

    [Fact]
    public void FromPlan_Absent_Is24() => FrameRate.FromPlan(null).Should().Be(new FrameRate(24, 1));

    [Theory]
    [InlineData(0)]
    [InlineData(24.5)]
    [InlineData(500)]
    public void FromPlan_OddRate_BadInputNamingFps(double fps) =>
        FluentActions.Invoking(() => FrameRate.FromPlan(fps)).Should().Throw<BadInputException>().WithMessage("*$.fps*");

    [Fact]
    public void Timecode_SongLength_HoursMinutesSecondsFrames()
    {
        var rate = new FrameRate(24, 1);
        rate.Timecode(rate.FramesOf(177)).Should().Be("00:02:57:00");
        rate.Timecode((3600 * 24) + 23).Should().Be("01:00:00:23");
    }

    [Fact]
    public void FramesOf_Ntsc_CountsOnTimebaseWithoutDrift()
    {
        var rate = new FrameRate(24000, 1001);
        rate.FramesOf(1001).Should().Be(24000);
        rate.Timebase.Should().Be(24);
        rate.Timecode(24000).Should().Be("00:16:40:00");
    }
}
