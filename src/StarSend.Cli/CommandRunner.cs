using System.CommandLine;
using StarSend.Cli.Logging;
using StarSend.Core.Errors;
using StarSend.Core.Projects;
using StarSend.Core.Runs;
using StarSend.Imaging;

namespace StarSend.Cli;

/// <summary>
/// Runs a command's body inside a run context and is the one place where errors become exit codes: known errors
/// print one line each, unexpected ones one line pointing at the log, Ctrl+C is 130.
/// </summary>
internal sealed class CommandRunner(CliHost host, GlobalOptions globals)
{
    public CliHost Host => host;

    public GlobalOptions Globals => globals;

    public string ProjectDir(ParseResult parseResult) =>
        Path.GetFullPath(parseResult.GetValue(globals.Project) ?? ".", host.CurrentDirectory);

    public async Task<int> RunAsync(
        ParseResult parseResult,
        string command,
        Func<RunContext, CancellationToken, Task<int>> body,
        CancellationToken cancellationToken,
        string? projectDir = null,
        bool readOnly = false)
    {
        var paths = new ProjectPaths(projectDir ?? ProjectDir(parseResult));
        // A read-only command's user log folder is created with its log, on its first warning or error (DeferredLogger).
        var logsDir = readOnly ? RunLogging.UserLogsDir(host.Environment) : ProjectLogsDir(paths);
        var verbose = parseResult.GetValue(globals.Verbose);
        var runId = RunId.New(host.Time);
        using var consoleLog = new DivertableWriter(host.Error);
        var localNow = host.Time.GetLocalNow();
        Func<Serilog.Core.Logger> createLog = () => RunLogging.Create(runId, command, paths.Root, readOnly ? UserLogsDir() : logsDir, consoleLog, verbose, localNow);
        Serilog.ILogger logger = readOnly && !verbose ? new DeferredLogger(createLog) : createLog();
        using var closeLog = (IDisposable)logger;
        var context = new RunContext
        {
            RunId = runId,
            Host = host,
            Paths = paths,
            Json = parseResult.GetValue(globals.Json),
            Verbose = verbose,
            Log = logger,
            ConsoleLog = consoleLog,
        };
        logger.Debug("starsend {Command} in {Project}", command, paths.Root);
        StartupDiagnostics.Mark("logging");
        try
        {
            var code = await body(context, cancellationToken);
            logger.Debug("starsend {Command} finished with exit code {ExitCode}", command, code);
            return code;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.ForContext(RunLogging.ReportedProperty, true).Warning("Interrupted");
            await host.Error.WriteLineAsync("Interrupted. Every request id is kept; run the same command again to resume.");
            return ExitCodes.Interrupted;
        }
        catch (PlanInvalidException ex)
        {
            logger.ForContext(RunLogging.ReportedProperty, true).Error("Invalid plan {File}: {Problems}", ex.File, ex.Problems);
            foreach (var problem in ex.Problems)
            {
                await host.Error.WriteLineAsync($"Error: {Path.GetFileName(ex.File)} {problem.Path}: {problem.Reason}");
            }

            return ex.ExitCode;
        }
        catch (StarSendException ex)
        {
            logger.ForContext(RunLogging.ReportedProperty, true).Error(ex, "{Command} failed: {Message}", command, ex.Message);
            await host.Error.WriteLineAsync($"Error: {ex.Message}");
            return ex.ExitCode;
        }
        catch (Exception ex) when (IsImaging(ex))
        {
            logger.ForContext(RunLogging.ReportedProperty, true).Error(ex, "{Command} failed: {Message}", command, ex.Message);
            await host.Error.WriteLineAsync($"Error: {ex.Message}");
            return ExitCodes.BadInput;
        }
#pragma warning disable CA1031 // The one catch-all: anything unexpected becomes one line and the detail goes to the log.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.ForContext(RunLogging.ReportedProperty, true).Fatal(ex, "Unexpected error in {Command}", command);
            await host.Error.WriteLineAsync(
                $"Error: unexpected {ex.GetType().Name}: {FirstLine(ex.Message)} (details in {RunLogging.LogFileHint(logsDir)})");
            return ExitCodes.Unexpected;
        }
    }

    /// <summary>
    /// An image the producer gave could not be read. Asked in a method of its own so that the catch clause does not
    /// name <see cref="ImagingException"/>: a command that never touches images (<c>status</c>) then never loads
    /// StarSend.Imaging just to enter <see cref="RunAsync"/> (#12).
    /// </summary>
    private static bool IsImaging(Exception ex) => ex is ImagingException;

    private static string? ProjectLogsDir(ProjectPaths paths)
    {
        if (!File.Exists(paths.PlanFile))
        {
            return null;
        }

        Directory.CreateDirectory(paths.LogsDir);
        return paths.LogsDir;
    }

    /// <summary>A read-only command writes nothing into the project, its log included (see <see cref="RunLogging.UserLogsDir"/>).</summary>
    private string? UserLogsDir()
    {
        var dir = RunLogging.UserLogsDir(host.Environment);
        if (dir is null)
        {
            return null;
        }

        try
        {
            Directory.CreateDirectory(dir);
            return dir;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
