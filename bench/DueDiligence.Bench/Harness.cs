using System.Diagnostics;
using System.Globalization;

namespace DueDiligence.Bench;

/// <summary>A small Stopwatch harness: warm up until the JIT has settled, then time batches and report per-operation figures.</summary>
internal static class Harness
{
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private const int Samples = 400;
    private static readonly TimeSpan TargetSampleTime = TimeSpan.FromMilliseconds(5);

    public static void Measure<T>(string name, Func<T> operation)
        where T : class
    {
        // Warm-up: long enough for tiered compilation to promote the hot path (tier 0 → instrumented → tier 1).
        var warmUp = Stopwatch.StartNew();
        var batch = 1;
        while (warmUp.Elapsed < WarmUp)
        {
            var started = Stopwatch.GetTimestamp();
            Run(operation, batch);
            if (Stopwatch.GetElapsedTime(started) < TargetSampleTime)
            {
                batch *= 2;
            }
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var perOperation = new double[Samples];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var gen0Before = GC.CollectionCount(0);
        for (var i = 0; i < Samples; i++)
        {
            var started = Stopwatch.GetTimestamp();
            Run(operation, batch);
            perOperation[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds / batch;
        }

        var allocatedPerOperation = (double)(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / ((long)Samples * batch);
        var gen0 = GC.CollectionCount(0) - gen0Before;
        Array.Sort(perOperation);

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: mean {perOperation.Average():F2} µs | p50 {Percentile(perOperation, 0.50):F2} µs | p95 {Percentile(perOperation, 0.95):F2} µs | " +
            $"min {perOperation[0]:F2} µs | max {perOperation[^1]:F2} µs | {allocatedPerOperation:F0} B allocated/op | " +
            $"{Samples} samples × {batch} ops, {gen0} gen-0 GCs"));
    }

    private static void Run<T>(Func<T> operation, int times)
        where T : class
    {
        for (var i = 0; i < times; i++)
        {
            // Keeps each result observable, so the JIT cannot drop the work being measured.
            GC.KeepAlive(operation());
        }
    }

    private static double Percentile(double[] sorted, double fraction)
    {
        var index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }
}
