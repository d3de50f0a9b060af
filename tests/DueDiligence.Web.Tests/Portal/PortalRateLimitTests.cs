using System.Net;

namespace DueDiligence.Web.Tests.Portal;

/// <summary>Guessing links is slow: the portal's own limit per client address (RateLimits:PortalPerIp).</summary>
public sealed class PortalRateLimitTests : IAsyncDisposable
{
    private readonly PortalApp _portal = new(("RateLimits:PortalPerIp:PermitLimit", "3"), ("RateLimits:PortalPerIp:WindowSeconds", "60"));

    [Fact]
    public async Task OpenLink_MoreGuessesFromOneAddressThanTheLimit_AreRefusedWith429()
    {
        var browser = _portal.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await browser.GetAsync($"/portal/{Web.Features.Assessments.Portal.PortalToken.New().Token}")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task CodePage_MoreCodesTypedFromOneAddressThanItsOwnLimit_AreRefusedWith429()
    {
        await using var portal = new PortalApp(("RateLimits:PortalCodePerIp:PermitLimit", "2"), ("RateLimits:PortalCodePerIp:WindowSeconds", "300"));
        var browser = portal.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await browser.PostAsync("/portal/code", new FormUrlEncodedContent([new("Input.Code", "123456")]))).StatusCode);
        }

        var page = await browser.GetAsync("/portal/code");

        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    public ValueTask DisposeAsync() => _portal.DisposeAsync();
}
