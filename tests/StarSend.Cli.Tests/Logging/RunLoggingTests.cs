using StarSend.Cli.Logging;

namespace StarSend.Cli.Tests.Logging;

public sealed class RunLoggingTests
{
    [Fact]
    public void FileName_IsTheLocalDateOfTheRunsStart()
    {
        // 23:30 on 5 January in New York is already 6 January in UTC: the file is named for the producer's day.
        var localNow = new DateTimeOffset(2026, 1, 5, 23, 30, 0, TimeSpan.FromHours(-5));

        RunLogging.FileName(localNow).Should().Be("starsend-20260105.jsonl");
    }
}
