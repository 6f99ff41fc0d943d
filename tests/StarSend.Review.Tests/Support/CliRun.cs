namespace StarSend.Review.Tests.Support;

/// <summary>The real <c>starsend</c>, run in this process with captured writers and exactly the given environment.</summary>
public static class CliRun
{
    public static async Task<CliOutcome> RunAsync(string directory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var host = new StarSend.Cli.CliHost { Out = output, Error = error, Environment = environment, CurrentDirectory = directory };
        var code = await StarSend.Cli.StarSendApp.RunAsync(args, host);
        return new CliOutcome(code, output.ToString(), error.ToString());
    }
}
