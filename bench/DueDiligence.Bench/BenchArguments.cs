using System.Globalization;

namespace DueDiligence.Bench;

/// <summary>The benchmarks' command-line options: <c>--name value</c> pairs after the benchmark's name.</summary>
internal static class BenchArguments
{
    public static string? Value(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == option)
            {
                return args[i + 1];
            }
        }

        return null;
    }

    /// <summary>A positive count (<c>--suppliers 100000</c>, <c>--events 1000000</c>), or the default when it is not given.</summary>
    public static int Count(IReadOnlyList<string> args, string option, int defaultValue)
    {
        var value = Value(args, option);
        if (value is null)
        {
            return defaultValue;
        }

        return int.TryParse(value.Replace("_", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : throw new ArgumentException($"{option} '{value}' is not a positive whole number.");
    }
}
