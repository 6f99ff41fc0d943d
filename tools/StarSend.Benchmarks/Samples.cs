namespace StarSend.Benchmarks;

internal static class Samples
{
    public static void Write(string folder, TextWriter output) => output.WriteLine(folder);
}
