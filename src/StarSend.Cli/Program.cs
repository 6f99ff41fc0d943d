namespace StarSend.Cli;

internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        StartupDiagnostics.Mark("main");
        StartupSwitches.Apply(args);
        var code = await StarSendApp.RunAsync(args, CliHost.FromProcess());
        StartupDiagnostics.WriteIfAsked(Console.Error);
        return code;
    }
}
