namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// Where the app keeps its state: the SQLite database file and the evidence store.
/// Configured by <c>DataDirectory</c> (default <c>./data</c> under the content root); never inside wwwroot.
/// </summary>
public sealed class DataDirectory
{
    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(EvidencePath);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "duediligence.db");

    public string EvidencePath => Path.Combine(Root, "evidence");

    public static DataDirectory FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["DataDirectory"];
        var root = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "data")
            : Path.Combine(environment.ContentRootPath, configured);
        var webRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "wwwroot"));
        if (Path.GetFullPath(root).StartsWith(webRoot, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"DataDirectory '{root}' is inside the web root '{webRoot}': files there could be served to anyone. Choose a folder outside it.");
        }

        return new DataDirectory(root);
    }
}
