using System.Diagnostics;
using System.Globalization;

namespace DueDiligence.Bench;

/// <summary>Times an asynchronous operation (a database query, a PDF) and reports per-call figures in milliseconds.</summary>
internal static class AsyncHarness
{
    public static async Task<double[]> MeasureAsync(string name, int warmUp, int samples, Func<Task> operation)
    {
        for (var i = 0; i < warmUp; i++)
        {
            await operation();
        }

        var timings = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }

        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: mean {timings.Average():F1} ms | p50 {Percentile(timings, 0.50):F1} ms | p95 {Percentile(timings, 0.95):F1} ms | max {timings[^1]:F1} ms | {samples} samples"));
        return timings;
    }

    public static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
