using System.Diagnostics;

namespace StarSend.Cli.Tests.Harness;

/// <summary>Runs the real <c>starsend</c>: in-process with captured writers, or as a child process.</summary>
public static class Cli
{
    /// <summary>Runs the CLI in this process, in <paramref name="directory"/>, with exactly <paramref name="environment"/> as its environment.</summary>
    public static async Task<CliResult> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new CliHost
        {
            Out = output,
            Error = error,
            Environment = environment,
            CurrentDirectory = directory,
        };
        var code = await StarSendApp.RunAsync(args, host);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    public static Task<CliResult> RunAsync(string directory, params string[] args) =>
        RunAsync(directory, new Dictionary<string, string?>(), args);

    /// <summary>The starsend.dll built next to the tests.</summary>
    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "starsend.dll");

    /// <summary>Starts <c>dotnet starsend.dll args</c> with stdout/stderr redirected and only the given variables added.</summary>
    public static Process Start(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(DllPath);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        return Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
