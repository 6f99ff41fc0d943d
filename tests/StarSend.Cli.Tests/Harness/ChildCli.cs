namespace StarSend.Cli.Tests.Harness;

/// <summary>The real <c>starsend</c> as a child process: run to the end, or killed (SIGKILL) the moment a line appears on its stderr.</summary>
public static class ChildCli
{
    public static async Task<CliResult> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        using var child = Cli.Start(directory, environment, args);
        child.StandardInput.Close();
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEndAsync();
        await child.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return new CliResult(child.ExitCode, await output, await error);
    }

    /// <summary>
    /// Runs the child until a stderr line contains <paramref name="killOn"/> and then, when given, until
    /// <paramref name="andThen"/> holds (e.g. the emulator has the request in hand), then kills it. False if it exited first.
    /// </summary>
    public static async Task<bool> RunAndKillAsync(string directory, IReadOnlyDictionary<string, string?> environment, string killOn, Func<bool>? andThen, params string[] args)
    {
        using var child = Cli.Start(directory, environment, args);
        child.StandardInput.Close();
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        child.ErrorDataReceived += (_, e) =>
        {
            if (e.Data?.Contains(killOn, StringComparison.Ordinal) == true)
            {
                reached.TrySetResult();
            }
        };
        child.OutputDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        child.BeginOutputReadLine();
        var exited = child.WaitForExitAsync();
        if (await Task.WhenAny(reached.Task, exited).WaitAsync(TimeSpan.FromMinutes(3)) == exited)
        {
            return false;
        }

        var deadline = TimeProvider.System.GetTimestamp();
        while (andThen is not null && !andThen())
        {
            if (exited.IsCompleted || TimeProvider.System.GetElapsedTime(deadline) > TimeSpan.FromSeconds(30))
            {
                await exited.WaitAsync(TimeSpan.FromMinutes(3));
                return false;
            }

            await Task.Delay(1);
        }

        child.Kill(entireProcessTree: true);
        await exited;
        return true;
    }
}
