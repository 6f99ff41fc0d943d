using Microsoft.Extensions.Time.Testing;
using StarSend.Infrastructure.Http;

namespace StarSend.Infrastructure.Tests.Providers;

public sealed class RetryAfterHeaderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("7", 7)]
    [InlineData(" 2.5 ", 2.5)]
    [InlineData("Sun, 22 Nov 2026 09:00:30 GMT", 30)]
    [InlineData("Sun, 22 Nov 2026 08:59:00 GMT", 0)]
    public void Parse_SecondsOrHttpDate_IsTheWait(string header, double seconds)
    {
        RetryAfterHeader.Parse(header, _time).Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("-3")]
    public void Parse_Unusable_IsNull(string? header)
    {
        RetryAfterHeader.Parse(header, _time).Should().BeNull();
    }

    [Theory]
    [InlineData("53s", 53)]
    [InlineData("1.5s", 1.5)]
    public void ParseDuration_ProtobufDuration_IsTheWait(string value, double seconds)
    {
        RetryAfterHeader.ParseDuration(value).Should().Be(TimeSpan.FromSeconds(seconds));
    }
}
