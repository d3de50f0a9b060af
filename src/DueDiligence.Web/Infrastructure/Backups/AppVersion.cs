using System.Reflection;

namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>The release of the running app, as its assembly states it.</summary>
public static class AppVersion
{
    public static string Current { get; } =
        typeof(AppVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AppVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>The release without its build: "1.0.0" of "1.0.0+311c01e5541e9542…".</summary>
    public static string Release(string version) => version.Split('+', 2)[0];

    /// <summary>The build the release was made from, shortened as git shortens a commit (12 characters); null if none.</summary>
    public static string? Build(string version) =>
        version.Split('+', 2) is [_, { Length: > 0 } build] ? build[..Math.Min(12, build.Length)] : null;
}
