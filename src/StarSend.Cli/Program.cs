namespace StarSend.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) => StarSendApp.RunAsync(args, CliHost.FromProcess());
}
