namespace StarSend.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        StartupDiagnostics.Mark("main");
        var host = CliHost.FromProcess();
        StartupSwitches.Apply(args, host);
        var code = await StarSendApp.RunAsync(args, host);
        StartupDiagnostics.WriteIfAsked(Console.Error);
        return code;
    }
}
