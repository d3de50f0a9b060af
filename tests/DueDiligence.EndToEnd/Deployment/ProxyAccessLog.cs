using System.Text.RegularExpressions;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>Reads nginx's access log in the shipped <c>duediligence</c> format: the session's route key and the instance that served.</summary>
public static partial class ProxyAccessLog
{
    /// <param name="Upstream">The instance that answered (host:port); more than one, comma-separated, if nginx retried.</param>
    public sealed record Entry(string Client, string Method, string Target, int Status, string Route, string Upstream);

    public static IReadOnlyList<Entry> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        // Shared read: nginx keeps the file open for writing.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var entries = new List<Entry>();
        while (reader.ReadLine() is { } line)
        {
            var match = Line().Match(line);
            if (!match.Success)
            {
                throw new InvalidOperationException($"An access log line is not in the duediligence format of deploy/nginx/nginx.conf: {line}");
            }

            entries.Add(new Entry(match.Groups["client"].Value, match.Groups["method"].Value, match.Groups["target"].Value,
                int.Parse(match.Groups["status"].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups["route"].Value, match.Groups["upstream"].Value));
        }

        return entries;
    }

    [GeneratedRegex("""^(?<client>\S+) \[[^\]]+\] "(?<method>\S+) (?<target>\S+) [^"]*" (?<status>\d{3}) \d+ route=(?<route>\S+) upstream=(?<upstream>.+?) time=""")]
    private static partial Regex Line();
}
