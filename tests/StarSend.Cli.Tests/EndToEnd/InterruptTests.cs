using System.Text;
using StarSend.Cli.Tests.Harness;
using StarSend.Core.Executions;
using StarSend.Core.Sequences;
using StarSend.Emulator;
using StarSend.Testing;

namespace StarSend.Cli.Tests.EndToEnd;

public sealed class InterruptTests
{
    [Fact]
    public async Task Generate_CtrlCWhileQueued_Exits130KeepsRequestIdAndResumesWithoutPayingAgain()
    {
        var emulatorClock = DrivenClock.NewFake();
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions
        {
            Time = emulatorClock,
            QueueWait = TimeSpan.FromMinutes(10),
            RunTime = TimeSpan.FromMinutes(2),
        });
        (await project.RunAsync("grid", "SEQ01")).ExitCode.Should().Be(0);
        (await project.RunAsync("pick", "SEQ01", "r1c0")).ExitCode.Should().Be(0);
        using var ctrlC = new CancellationTokenSource();
        var error = new TriggerWriter("queued (position", ctrlC.Cancel); // fal has the job: its queue position is on the progress line
        var output = new StringWriter();
        var host = new CliHost { Out = output, Error = error, Environment = project.Environment, CurrentDirectory = project.Dir };

        var code = await StarSendApp.RunAsync(["generate", "SEQ01"], host, ctrlC.Token);

        code.Should().Be(130);
        error.ToString().Should().Contain("starsend generate SEQ01");
        var executions = await ProjectState.ExecutionsAsync(project.Dir);
        var job = executions.Executions.Values.Single(e => e.Kind == ExecutionKind.Video);
        job.Status.Should().Be(ExecutionStatus.Submitted);
        job.RequestId.Should().NotBeNullOrEmpty();
        (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ01"].State.Should().Be(SequenceState.Generating);

        emulatorClock.Advance(TimeSpan.FromMinutes(15));
        var resumed = await project.RunAsync("generate", "SEQ01");

        resumed.ExitCode.Should().Be(0, resumed.Error + resumed.Out);
        resumed.Out.Should().Contain("resumed a paid job");
        project.Emulator.GetStats().SubmitsAccepted.Should().Be(1);
        var take = (await ProjectState.SequencesAsync(project.Dir)).Sequences["SEQ01"].Takes.Single();
        take.RequestIds.Should().Equal(job.RequestId);
    }

    [Fact]
    public async Task Generate_CtrlCWithCancelRemote_CancelsTheQueuedJob()
    {
        var emulatorClock = DrivenClock.NewFake();
        await using var project = await EmulatedProject.StartAsync(new EmulatorOptions { Time = emulatorClock, QueueWait = TimeSpan.FromMinutes(10) });
        (await project.RunAsync("grid", "SEQ01")).ExitCode.Should().Be(0);
        (await project.RunAsync("pick", "SEQ01", "1")).ExitCode.Should().Be(0);
        using var ctrlC = new CancellationTokenSource();
        var error = new TriggerWriter("queued (position", ctrlC.Cancel); // fal has the job: its queue position is on the progress line
        var host = new CliHost { Out = new StringWriter(), Error = error, Environment = project.Environment, CurrentDirectory = project.Dir };

        var code = await StarSendApp.RunAsync(["generate", "SEQ01", "--cancel-remote"], host, ctrlC.Token);

        code.Should().Be(130);
        error.ToString().Should().Contain("CancellationRequested");
        project.Emulator.GetStats().Requests["cancel"].Should().Be(1);
    }

    /// <summary>A stderr writer that presses Ctrl+C the first time a line contains <paramref name="text"/>.</summary>
    private sealed class TriggerWriter(string text, Action trigger) : StringWriter
    {
        private readonly StringBuilder _line = new();
        private int _fired;

        public override void Write(char value)
        {
            base.Write(value);
            _line.Append(value);
            if (value == '\n')
            {
                if (_line.ToString().Contains(text, StringComparison.Ordinal) && Interlocked.Exchange(ref _fired, 1) == 0)
                {
                    trigger();
                }

                _line.Clear();
            }
        }

        public override void Write(string? value)
        {
            foreach (var c in value ?? string.Empty)
            {
                Write(c);
            }
        }

        public override void WriteLine(string? value) => Write(value + "\n");
    }
}
