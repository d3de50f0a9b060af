using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>deploy/compose.env.example, the operator's starting point, as shipped or with some settings filled in.</summary>
public static class ComposeEnvFile
{
    public static string ExamplePath => Path.Combine(RepositoryPaths.Root, "deploy", "compose.env.example");

    /// <summary>The names the example sets.</summary>
    public static IEnumerable<string> Names() =>
        File.ReadAllLines(ExamplePath).Where(IsSetting).Select(line => line[..line.IndexOf('=', StringComparison.Ordinal)]);

    /// <summary>Writes the example with these values in place of its own into a file of <paramref name="folder"/>.</summary>
    public static string Write(string folder, IReadOnlyDictionary<string, string> values)
    {
        var unknown = values.Keys.Except(Names()).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException($"{ExamplePath} has no setting {string.Join(", ", unknown)}.");
        }

        var lines = File.ReadAllLines(ExamplePath).Select(line =>
            IsSetting(line) && values.TryGetValue(line[..line.IndexOf('=', StringComparison.Ordinal)], out var value)
                ? $"{line[..line.IndexOf('=', StringComparison.Ordinal)]}={value}"
                : line);
        var path = Path.Combine(folder, $"compose-{Guid.NewGuid():N}.env");
        File.WriteAllLines(path, lines);
        return path;
    }

    private static bool IsSetting(string line) => !line.StartsWith('#') && line.Contains('=', StringComparison.Ordinal);
}
