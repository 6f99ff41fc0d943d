namespace StarSend.Benchmarks;

internal static class QuickRun
{
    public static void Run(TextWriter output) => output.WriteLine("todo");
}
