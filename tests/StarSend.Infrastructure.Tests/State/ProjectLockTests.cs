using Microsoft.Extensions.Time.Testing;
using StarSend.Core.Errors;
using StarSend.Core.Projects;
using StarSend.Infrastructure.State;
using StarSend.Testing;

namespace StarSend.Infrastructure.Tests.State;

public sealed class ProjectLockTests : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(5);

    private readonly TempDirectory _dir = new();
    private readonly DrivenClock _time = new(new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 4, 12, TimeSpan.Zero)));
    private readonly ProjectPaths _paths;

    public ProjectLockTests()
    {
        _paths = new ProjectPaths(_dir.Path);
    }

    [Fact]
    public async Task AcquireAsync_HeldInProcess_SecondWaitsUntilReleased()
    {
        var first = await CreateSut().AcquireAsync(_timeout, "first", _time, CancellationToken.None);

        var second = CreateSut().AcquireAsync(_timeout, "second", _time, CancellationToken.None);
        var waitedWhileHeld = !second.IsCompleted;
        await first.DisposeAsync();
        await using var secondHeld = await second;

        waitedWhileHeld.Should().BeTrue();
        File.Exists(_paths.LockFile).Should().BeTrue();
    }

    [Fact]
    public async Task AcquireAsync_HeldInProcessPastTimeout_ThrowsNamingTheHolder()
    {
        await using var held = await CreateSut().AcquireAsync(_timeout, "starsend generate --all", _time, CancellationToken.None);

        var waiting = CreateSut().AcquireAsync(_timeout, "starsend status", _time, CancellationToken.None);
        _time.Fake.Advance(_timeout);

        var thrown = await waiting.Invoking(t => t).Should().ThrowAsync<StateFileException>();
        thrown.Which.Message.Should().Be(
            $"project is locked by pid {Environment.ProcessId} (starsend generate --all) since 10:04:12; try again or wait");
    }

    [Fact]
    public async Task AcquireAsync_HeldByAnotherProcess_TimesOutNamingIt()
    {
        await using var child = TestChildProcess.Start("hold", _dir.Path, "starsend generate --all");
        await child.WaitForLineAsync("held");

        var waiting = CreateSut().AcquireAsync(_timeout, "starsend status", _time, CancellationToken.None);
        await DriveClockUntilDoneAsync(waiting);

        var thrown = await waiting.Invoking(t => t).Should().ThrowAsync<StateFileException>();
        thrown.Which.Message.Should().MatchRegex($"^project is locked by pid {child.Id} \\(starsend generate --all\\) since \\d\\d:\\d\\d:\\d\\d; try again or wait$");
    }

    [Fact]
    public async Task AcquireAsync_HolderReleases_OtherProcessGetsIt()
    {
        await using var child = TestChildProcess.Start("hold", _dir.Path, "starsend grid SEQ01");
        await child.WaitForLineAsync("held");

        var waiting = CreateSut().AcquireAsync(TimeSpan.FromMinutes(10), "starsend status", _time, CancellationToken.None);
        await child.CloseInputAsync();
        await child.WaitForLineAsync("released");
        await DriveClockUntilDoneAsync(waiting);

        await using var held = await waiting;
        _time.GetUtcNow().Should().BeBefore(new DateTimeOffset(2026, 11, 22, 10, 14, 12, TimeSpan.Zero), "it got the lock before timing out");
    }

    [Fact]
    public async Task AcquireAsync_HolderKilled_LockIsFreeAtOnce()
    {
        await using var child = TestChildProcess.Start("hold", _dir.Path, "starsend generate SEQ02");
        await child.WaitForLineAsync("held");

        await child.KillAsync();
        var acquire = CreateSut().AcquireAsync(TimeSpan.Zero, "starsend status", _time, CancellationToken.None);

        await using var held = await acquire;
        File.ReadAllText(_paths.LockFile + ".holder").Should().Contain("starsend status");
    }

    [Fact]
    public async Task DisposeAsync_Twice_ReleasesOnlyOnce()
    {
        var first = await CreateSut().AcquireAsync(_timeout, "first", _time, CancellationToken.None);
        await first.DisposeAsync();
        await first.DisposeAsync();

        await using var second = await CreateSut().AcquireAsync(_timeout, "second", _time, CancellationToken.None);
        var third = CreateSut().AcquireAsync(_timeout, "third", _time, CancellationToken.None);

        third.IsCompleted.Should().BeFalse("a double release must not let two holders in");
        await second.DisposeAsync();
        await (await third).DisposeAsync();
    }

    [Fact]
    public async Task AcquireAsync_CancelledWhileWaiting_ThrowsCancelledAndLeavesLockUsable()
    {
        var first = await CreateSut().AcquireAsync(_timeout, "first", _time, CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = CreateSut().AcquireAsync(_timeout, "second", _time, cancel.Token);
        await cancel.CancelAsync();

        await waiting.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await first.DisposeAsync();
        await using var again = await CreateSut().AcquireAsync(TimeSpan.Zero, "third", _time, CancellationToken.None);
        File.Exists(_paths.LockFile + ".holder").Should().BeTrue();
    }

    [Fact]
    public async Task DisposeAsync_Released_RemovesTheHolderNote()
    {
        var held = await CreateSut().AcquireAsync(_timeout, "starsend pick SEQ01 2", _time, CancellationToken.None);
        var noteWhileHeld = File.ReadAllText(_paths.LockFile + ".holder");

        await held.DisposeAsync();

        noteWhileHeld.Should().Contain("starsend pick SEQ01 2").And.Contain($"{Environment.ProcessId}");
        File.Exists(_paths.LockFile + ".holder").Should().BeFalse();
    }

    public void Dispose() => _dir.Dispose();

    private ProjectLock CreateSut() => new(_paths);

    /// <summary>Moves the manual clock whenever the lock is parked on a retry wait, until the acquisition ends.</summary>
    private async Task DriveClockUntilDoneAsync(Task task)
    {
        while (!task.IsCompleted)
        {
            if (_time.PendingWaits > 0)
            {
                _time.Fake.Advance(TimeSpan.FromMilliseconds(25));
            }
            else
            {
                await Task.Yield();
            }
        }
    }
}
