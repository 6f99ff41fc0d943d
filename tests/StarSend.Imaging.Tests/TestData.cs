namespace StarSend.Imaging.Tests;

/// <summary>Finds the repository root (the folder holding StarSend.sln) and the shared test data beside it.</summary>
internal static class TestData
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string SharedData => Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "data"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "StarSend.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No StarSend.sln above {AppContext.BaseDirectory}.");
    }
}
