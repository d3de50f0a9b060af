namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>Whether the Chromium that prints reports (<c>Pdf:ChromiumPath</c>) exists and may be run: the readiness check and the System page ask it.</summary>
public static class ChromiumExecutable
{
    public static bool IsRunnable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows() || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
