namespace DueDiligence.Web.Infrastructure;

/// <summary>A folder named in the configuration (<c>DataDirectory</c>, <c>Evidence:Root</c>) as a full path.</summary>
public static class FolderSetting
{
    /// <summary>
    /// The folder as a full path, relative to the content root unless absolute. A folder inside the web root is refused:
    /// files there could be served to anyone.
    /// </summary>
    /// <param name="setting">The setting's name, for the message.</param>
    public static string Resolve(IHostEnvironment environment, string setting, string configured)
    {
        var folder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        var webRoot = Path.GetFullPath(Path.Combine(environment.ContentRootPath, "wwwroot"));
        if (folder == webRoot || folder.StartsWith(webRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{setting} '{folder}' is inside the web root '{webRoot}': files there could be served to anyone. Choose a folder outside it.");
        }

        return folder;
    }
}
