namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Where the repository, the app's build output and the test artifacts are.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The published app (scripts/test.sh publishes it to artifacts/app): in Production only the publish output
    /// serves blazor.web.js and the component library's files.
    /// </summary>
    public static string AppExecutable => Path.Combine(Root, "artifacts", "app", "DueDiligence.Web");

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
