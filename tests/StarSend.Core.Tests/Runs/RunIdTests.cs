using Microsoft.Extensions.Time.Testing;
using StarSend.Core.Runs;

namespace StarSend.Core.Tests.Runs;

public sealed class RunIdTests
{
    [Theory]
    [InlineData("2026-11-22T10:15:00Z", "20261122T101500Z-")]
    [InlineData("2026-01-05T03:04:05Z", "20260105T030405Z-")]
    [InlineData("0999-12-31T23:59:59Z", "09991231T235959Z-")]
    public void New_IsTheUtcSecondInBasicIsoFormThenFourHexDigits(string utc, string prefix)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture));

        var id = RunId.New(time);

        id.Should().StartWith(prefix).And.MatchRegex("^[0-9]{8}T[0-9]{6}Z-[0-9a-f]{4}$");
    }

    [Fact]
    public void New_IgnoresTheLocalOffset_TheIdIsUtc()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 15, 0, TimeSpan.Zero));
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC-5", TimeSpan.FromHours(-5), "UTC-5", "UTC-5"));

        RunId.New(time).Should().StartWith("20261122T101500Z-");
    }
}
