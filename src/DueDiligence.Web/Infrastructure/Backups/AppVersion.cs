using System.Reflection;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>The release of the running app, as its assembly states it.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AppVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
