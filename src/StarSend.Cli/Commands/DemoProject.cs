namespace StarSend.Cli.Commands;

/// <summary>projects/demo, embedded in the starsend assembly so the demo runs from any folder.</summary>
internal static class DemoProject
{
    private const string Prefix = "demo/";

    public static void CopyTo(string target)
    {
        var assembly = typeof(DemoProject).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var relative = name[Prefix.Length..];
            var path = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var from = assembly.GetManifestResourceStream(name)!;
            using var to = File.Create(path);
            from.CopyTo(to);
        }
    }

}
