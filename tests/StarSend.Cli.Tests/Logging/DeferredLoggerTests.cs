using Serilog;
using Serilog.Core;
using Serilog.Events;
using StarSend.Cli.Logging;

namespace StarSend.Cli.Tests.Logging;

public sealed class DeferredLoggerTests
{
    private readonly List<LogEvent> _written = [];
    private int _built;

    [Fact]
    public void DebugBeforeAnythingElse_BuildsNoLoggerAndWritesNothing()
    {
        using var deferred = new DeferredLogger(Build);
        ILogger log = deferred;

        log.Debug("starsend {Command} in {Project}", "status", "/p");
        log.Verbose("noise");

        _built.Should().Be(0);
        _written.Should().BeEmpty();
        log.IsEnabled(LogEventLevel.Debug).Should().BeFalse();
        log.IsEnabled(LogEventLevel.Information).Should().BeTrue();
    }

    [Fact]
    public void AWarning_BuildsTheLoggerOnceAndIsWrittenWithItsProperties()
    {
        using var deferred = new DeferredLogger(Build);
        ILogger log = deferred;

        log.Warning("plan {File} has {Count} warnings", "client_plan.json", 2);
        log.Error(new InvalidOperationException("boom"), "status failed");

        _built.Should().Be(1);
        _written.Select(e => e.Level).Should().Equal(LogEventLevel.Warning, LogEventLevel.Error);
        _written[0].Properties["Count"].ToString().Should().Be("2");
        _written[1].Exception.Should().BeOfType<InvalidOperationException>();
    }

    [Fact]
    public void ForContext_BuildsTheLogger_AndOnceBuiltItsOwnLevelsApply()
    {
        using var deferred = new DeferredLogger(Build);
        ILogger log = deferred;

        log.ForContext("Reported", true).Error("shown already");
        log.Debug("after the build, debug is the built logger's call");

        _built.Should().Be(1);
        _written.Should().HaveCount(2);
        _written[0].Properties.Should().ContainKey("Reported");
    }

    [Fact]
    public void Dispose_WithoutAnEvent_BuildsNothing()
    {
        new DeferredLogger(Build).Dispose();

        _built.Should().Be(0);
    }

    private Logger Build()
    {
        _built++;
        return new LoggerConfiguration().MinimumLevel.Debug().WriteTo.Sink(new Collect(_written)).CreateLogger();
    }

    private sealed class Collect(List<LogEvent> events) : ILogEventSink
    {
        public void Emit(LogEvent logEvent) => events.Add(logEvent);
    }
}
