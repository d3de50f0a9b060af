namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>
/// The folders of this test run (each test app's data folder, what is seeded once per run) under one folder of the
/// machine's temporary folder, removed when the run ends: also the folders of a test app that was never disposed, which
/// would otherwise stay behind run after run.
/// </summary>
internal static class TestFolders
{
    private static readonly Lazy<string> RunFolder = new(CreateRunFolder);

    /// <summary>A new folder's path (not created) inside this run's folder.</summary>
    public static string New(string prefix = "") => Path.Combine(RunFolder.Value, $"{prefix}{Guid.NewGuid():N}");

    private static string CreateRunFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "dd-web-tests", $"run-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left in the temporary folder.
            }
        };
        return folder;
    }
}
