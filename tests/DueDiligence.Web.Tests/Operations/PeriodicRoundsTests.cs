using System.Diagnostics;
using DueDiligence.Web.Infrastructure.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>The background jobs' loop: a round at once, one per tick, and one, not thousands, when the clock jumps ahead.</summary>
public sealed class PeriodicRoundsTests
{
    [Fact]
    public async Task Run_RunsARoundAtOnce_AndOneAfterEachTick()
    {
        var clock = new FakeTimeProvider();
        var rounds = new Rounds();
        using var stop = new CancellationTokenSource();
        var loop = StartAsync(clock, rounds, stop.Token);

        await rounds.WaitForAsync(1);
        clock.Advance(TimeSpan.FromSeconds(15));
        await rounds.WaitForAsync(2);
        clock.Advance(TimeSpan.FromSeconds(14));
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        Assert.Equal(2, rounds.Count);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    [Fact]
    public async Task Run_WhenTheClockJumpsADay_RunsAFewRounds_NotOnePerPeriodMissed_AndNotInsideTheJump()
    {
        var clock = new FakeTimeProvider();
        var rounds = new Rounds();
        using var stop = new CancellationTokenSource();
        var loop = StartAsync(clock, rounds, stop.Token);
        await rounds.WaitForAsync(1);

        clock.Advance(TimeSpan.FromDays(1));
        await rounds.WaitForAsync(2);
        await Task.Delay(TimeSpan.FromMilliseconds(100));

        // 5,760 periods passed; a round runs for the ticks that came while none waited, never inside Advance itself.
        Assert.InRange(rounds.Count, 2, 4);
        Assert.False(rounds.RanInsideTheJump);

        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => loop);
    }

    /// <summary>Started as the host starts a background service: off the test's synchronization context.</summary>
    private static Task StartAsync(FakeTimeProvider clock, Rounds rounds, CancellationToken stop) =>
        Task.Run(() => PeriodicRounds.RunAsync(TimeSpan.FromSeconds(15), clock, rounds.RunAsync, stop));

    private sealed class Rounds
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public bool RanInsideTheJump { get; private set; }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            RanInsideTheJump |= new StackTrace().GetFrames().Any(f => f.GetMethod()?.Name == nameof(FakeTimeProvider.Advance));
            Interlocked.Increment(ref _count);
            await Task.Delay(TimeSpan.FromMilliseconds(5), cancellationToken);
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; Count < count; i++)
            {
                Assert.True(i < 500, $"Round {count} did not run.");
                await Task.Delay(TimeSpan.FromMilliseconds(10));
            }
        }
    }
}
