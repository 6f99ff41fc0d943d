using System.CommandLine;
using StarSend.Core.Errors;
using StarSend.Emulator;

namespace StarSend.Cli.Commands;

/// <summary><c>starsend emulator serve</c>: the loopback fal.ai + Gemini emulator, until Ctrl+C.</summary>
internal static class EmulatorCommand
{
    public static Command Create(CommandRunner runner)
    {
        var port = new Option<int>("--port") { Description = "Loopback port (0 picks a free one)", DefaultValueFactory = _ => 0 };
        var latency = new Option<int?>("--latency") { Description = "Milliseconds a video job runs before it completes" };
        var faults = new Option<string?>("--faults") { Description = "Fault rules, e.g. 'status:503@1,2;gemini:not-grid@1'" };
        // A bad fault rule is a usage error (exit 2, one line), found before anything runs or is written.
        faults.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && EmulatorOptions.FaultsProblem(r.Tokens[0].Value) is { } problem)
            {
                r.AddError($"--faults: {problem}");
            }
        });
        port.Validators.Add(r =>
        {
            // A value that failed to parse ('--port abc') is already reported; reading it here would throw.
            if (r.Tokens.Count == 1 && int.TryParse(r.Tokens[0].Value, out var value) && value is < 0 or > 65535)
            {
                r.AddError("--port must be between 0 and 65535");
            }
        });
        var serve = new Command("serve", "Serve fal.ai's queue and storage, Gemini's generateContent and Leonardo's REST API on 127.0.0.1");
        serve.Options.Add(port);
        serve.Options.Add(latency);
        serve.Options.Add(faults);
        serve.SetAction((parseResult, ct) => runner.RunAsync(
            parseResult,
            "emulator serve",
            (context, token) => ServeAsync(context, parseResult.GetValue(port), parseResult.GetValue(latency), parseResult.GetValue(faults), token),
            ct,
            runner.Host.CurrentDirectory));

        var emulator = new Command("emulator", "The local emulator of the paid services");
        emulator.Subcommands.Add(serve);
        return emulator;
    }

    private static async Task<int> ServeAsync(RunContext context, int port, int? latencyMs, string? faults, CancellationToken cancellationToken)
    {
        var options = new EmulatorOptions { Port = port, Faults = faults, Time = context.Time };
        if (latencyMs is { } ms)
        {
            options = options with { RunTime = TimeSpan.FromMilliseconds(ms) };
        }

        await using var server = await EmulatorServer.StartAsync(options, cancellationToken);
        await context.Out.WriteLineAsync($"export STARSEND_FAL_QUEUE_URL={server.FalQueueUrl}");
        await context.Out.WriteLineAsync($"export STARSEND_FAL_REST_URL={server.FalRestUrl}");
        await context.Out.WriteLineAsync($"export STARSEND_GEMINI_URL={server.GeminiUrl}");
        await context.Out.WriteLineAsync($"export STARSEND_LEONARDO_URL={server.LeonardoUrl}");

        // The emulator takes any key; placeholders keep a real key from being needed (or sent) while pointed at it.
        await context.Out.WriteLineAsync("export FAL_KEY=emulator GEMINI_API_KEY=emulator LEONARDO_API_KEY=emulator");
        await context.Out.FlushAsync(cancellationToken);
        context.Log.Information("Emulator listening on {Url}", server.BaseUrl);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            context.Log.Information("Emulator stopped");
        }

        return ExitCodes.Ok;
    }
}
