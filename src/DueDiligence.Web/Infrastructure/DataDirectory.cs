namespace DueDiligence.Web.Infrastructure;

/// <summary>
/// Where the app keeps its state: the SQLite database file (when SQLite is the database) and, unless <c>Evidence:Root</c>
/// names another folder, the evidence store. Configured by <c>DataDirectory</c> (default <c>./data</c> under the content
/// root); never inside wwwroot.
/// </summary>
public sealed class DataDirectory
{
    public const string SettingName = "DataDirectory";

    public DataDirectory(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string DatabasePath => Path.Combine(Root, "duediligence.db");

    /// <summary>The evidence store when <c>Evidence:Root</c> is not set.</summary>
    public string DefaultEvidencePath => Path.Combine(Root, "evidence");

    /// <summary>Where releases before December 2026 kept the data-protection key ring (XML files); it is in the database now.</summary>
    public string KeysPath => Path.Combine(Root, "keys");

    public static DataDirectory FromConfiguration(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[SettingName];
        return new DataDirectory(FolderSetting.Resolve(environment, SettingName, string.IsNullOrWhiteSpace(configured) ? "data" : configured));
    }
}
