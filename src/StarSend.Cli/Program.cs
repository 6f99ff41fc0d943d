namespace StarSend.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        StartupDiagnostics.Mark("main");
        // Status's early read first, then the environment (which the read waits for only after the plan), then the
        // console, the slowest step before the command line (#12).
        StartupSwitches.Apply(args, System.Environment.CurrentDirectory);
        var environment = CliHost.ProcessEnvironment();
        ReadOnlyProject.ProvideEnvironment(environment);
        StartupDiagnostics.Mark("env");
        var host = CliHost.FromProcess(environment);
        var code = await StarSendApp.RunAsync(args, host);
        StartupDiagnostics.WriteIfAsked(Console.Error);
        return code;
    }
}
