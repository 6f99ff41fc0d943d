using System.Diagnostics;
using System.Text;

namespace StarSend.Infrastructure.Tests.State;

/// <summary>The StarSend.TestChild workload exe run as a real process with <c>dotnet StarSend.TestChild.dll ...</c>.</summary>
internal sealed class TestChildProcess : IAsyncDisposable
{
    /// <summary>A safety net against a hung child, not a timing device: a healthy test never comes near it.</summary>
    private static readonly TimeSpan _patienceLimit = TimeSpan.FromMinutes(3);

    private readonly Process _process;
    private readonly StringBuilder _errors = new();
    private readonly CancellationTokenSource _patience = new(_patienceLimit);

    private TestChildProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToString();
            }
        }
    }

    public static TestChildProcess Start(params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(ChildDll());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("the test child did not start");
        var child = new TestChildProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (child._errors)
            {
                child._errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Reads stdout until a line equal to <paramref name="expected"/>; fails if the child ends first.</summary>
    public async Task WaitForLineAsync(string expected)
    {
        while (await _process.StandardOutput.ReadLineAsync(_patience.Token) is { } line)
        {
            if (line == expected)
            {
                return;
            }
        }

        throw new InvalidOperationException($"the child ended before printing '{expected}': {Errors}");
    }

    /// <summary>Everything the child printed that was not read yet; call after it ended.</summary>
    public async Task<IReadOnlyList<string>> ReadRemainingLinesAsync()
    {
        var rest = await _process.StandardOutput.ReadToEndAsync(_patience.Token);
        return rest.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public async Task CloseInputAsync()
    {
        await _process.StandardInput.DisposeAsync();
    }

    /// <summary>SIGKILL on Unix: no finally block, no flush, no disposal runs in the child.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await WaitForExitAsync();
    }

    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync(_patience.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        _process.Dispose();
        _patience.Dispose();
    }

    private static string ChildDll()
    {
        var next = Path.Combine(AppContext.BaseDirectory, "StarSend.TestChild.dll");
        if (File.Exists(next) && File.Exists(Path.ChangeExtension(next, ".runtimeconfig.json")))
        {
            return next;
        }

        var root = RepoRoot();
        var built = Directory.EnumerateFiles(Path.Combine(root, "tests", "StarSend.TestChild", "bin"), "StarSend.TestChild.dll", SearchOption.AllDirectories)
            .Concat(Directory.Exists(Path.Combine(root, "artifacts"))
                ? Directory.EnumerateFiles(Path.Combine(root, "artifacts"), "StarSend.TestChild.dll", SearchOption.AllDirectories)
                : [])
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
        return built ?? throw new FileNotFoundException("StarSend.TestChild.dll was not built; build tests/StarSend.TestChild");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no StarSend.sln above the test assembly");
    }
}
