namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Where the repository, the app's build output and the test artifacts are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The Web project's own build output, of the same configuration as these tests.</summary>
    public static string AppExecutable
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "DueDiligence.Web", "bin", configuration, "net9.0", "linux-x64", "DueDiligence.Web");
        }
    }

    public static string Artifacts(string kind)
    {
        var path = Path.Combine(Root, "artifacts", kind);
        Directory.CreateDirectory(path);
        return path;
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DueDiligence.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("DueDiligence.sln not found above the test output.");
    }
}
