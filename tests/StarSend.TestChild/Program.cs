using StarSend.Core.Errors;
using StarSend.TestChild;

// Runs one workload against a real project's state files, for the crash and concurrency tests. Prints progress on
// stdout (one line per finished step) so a test can act at a chosen moment.
try
{
    return await ChildCommands.RunAsync(args, Console.Out, Console.In);
}
catch (StarSendException ex)
{
    await Console.Error.WriteLineAsync($"error: {ex.Message}");
    return 1;
}
