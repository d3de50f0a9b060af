using System.Net;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Tests.Security.TwoFactor;

/// <summary>The sign-in rate limits count the code page's posts too: per client address and per account.</summary>
public sealed class TwoFactorRateLimitTests
{
    [Fact]
    public async Task SecondStep_MoreCodesForOneAccountThanTheLimit_AreRefusedWith429()
    {
        var app = await StartAsync(("RateLimits:SignInPerAccount:PermitLimit", "4"));
        try
        {
            var (_, email, key, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
            app.NextStep();
            var (browser, _) = await app.PasswordStepAsync(email);

            // Two passwords (before setting up, and now) were attempts of the window; two codes fill it.
            var first = await app.SecondStepAsync(browser, "000000");
            var second = await app.SecondStepAsync(browser, "000001");
            var third = await app.SecondStepAsync(browser, app.CodeFor(key));

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
            Assert.Contains("Too many sign-in attempts for this account.", await third.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task SecondStep_MorePostsFromOneAddressThanTheLimit_AreRefusedWith429()
    {
        var app = await StartAsync(("RateLimits:SignInPerIp:PermitLimit", "3"));
        try
        {
            var (_, email, _, _) = await app.EnrolledUserAsync(AppRoles.Analyst);
            var (browser, _) = await app.PasswordStepAsync(email);

            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 3; i++)
            {
                statuses.Add((await app.SecondStepAsync(browser, $"00000{i}")).StatusCode);
            }

            // Two sign-in posts (enrolment's and this password) and one code post filled the address's window.
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }

    private static async Task<TwoFactorApp> StartAsync((string Key, string Value) limit)
    {
        var app = new TwoFactorApp(limit);
        await app.InitializeAsync();
        return app;
    }
}
