using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace DueDiligence.Web.Tests.Security;

/// <summary>A session ends 8 hours after its last request (sliding) and 12 hours after its sign-in however busy it is.</summary>
public sealed class SessionLifetimeTests(SessionApp app) : IClassFixture<SessionApp>
{
    [Fact]
    public async Task ASessionUsedEveryHour_KeepsSlidingPastEightHours_AndEndsTwelveHoursAfterSignIn()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);

        for (var hour = 1; hour <= 11; hour++)
        {
            app.Clock.Advance(TimeSpan.FromHours(1));
            Assert.True(await cookie.IsSignedInOnAsync(app.A), $"The session ended after {hour} hours of use.");
        }

        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await cookie.IsSignedInOnAsync(app.A), "The session outlived its 12 hours.");
        var ended = Assert.Single(await app.SecurityEventsAsync(email, SecurityEvent.SessionEnded));
        Assert.Contains("it reached the longest session of 12 hours", ended.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASessionLeftAlone_LastsEightHours()
    {
        var email = await app.CreateAnalystAsync();
        var kept = await app.SignInAsync(app.A, email);
        var left = await app.SignInAsync(app.A, email);

        app.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromMinutes(1));
        Assert.True(await kept.IsSignedInOnAsync(app.A), "The session ended before it was idle for 8 hours.");
        app.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.False(await left.IsSignedInOnAsync(app.A), "The session outlived 8 idle hours.");
        Assert.True(await kept.IsSignedInOnAsync(app.A), "The session used 2 minutes ago ended.");
    }

    [Fact]
    public async Task RefreshingASignIn_KeepsItsSignInTime_SoTheSessionStillEndsTwelveHoursAfterSignIn()
    {
        var email = await app.CreateAnalystAsync();
        var cookie = await app.SignInAsync(app.A, email);
        app.Clock.Advance(TimeSpan.FromHours(6));
        Assert.True(await cookie.IsSignedInOnAsync(app.A));
        app.Clock.Advance(TimeSpan.FromHours(5));

        var before = cookie.Value;
        using (var refresh = await cookie.GetAsync(app.A, SessionApp.RefreshSignInPath))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, refresh.StatusCode);
        }

        Assert.NotEqual(before, cookie.Value);
        Assert.True(await cookie.IsSignedInOnAsync(app.A));
        app.Clock.Advance(TimeSpan.FromHours(1));
        Assert.False(await cookie.IsSignedInOnAsync(app.A), "A refreshed sign-in outlived the 12 hours of its first sign-in.");
    }

    [Theory]
    [InlineData("Sessions:IdleTimeoutHours", "0", "Sessions:IdleTimeoutHours must be a number of hours above 0")]
    [InlineData("Sessions:AbsoluteLifetimeHours", "4", "Sessions:AbsoluteLifetimeHours must be a number of hours at least Sessions:IdleTimeoutHours (8)")]
    [InlineData("Sessions:AbsoluteLifetimeHours", "1000", "Sessions:AbsoluteLifetimeHours must be a number of hours at least")]
    public void AWrongLifetime_StopsTheAppAtStartUp_SayingWhich(string setting, string value, string message)
    {
        var error = StartUpFailure.Of(app.A, b => b.UseSetting(setting, value));

        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
