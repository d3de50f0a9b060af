using System.Net;
using DueDiligence.Web.Infrastructure.Api;

namespace DueDiligence.Web.Tests.Api;

/// <summary>Requests are limited per token (<c>RateLimits:ApiPerToken</c>), not per address: another token keeps working.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Get_BeyondTheTokensLimit_Is429ProblemWhileAnotherTokenWorks()
    {
        var api = new ApiApp { PermitPerToken = 3 };
        await api.InitializeAsync();
        try
        {
            var analyst = await api.PersonAsync("Rita Rapid");
            var busy = api.Client(await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers)));
            var calm = api.Client(await api.TokenAsync(analyst, ApiApp.Read(ApiResource.Suppliers)));
            for (var i = 0; i < 3; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.GetAsync("/api/v1/suppliers?limit=1")).StatusCode);
            }

            var refused = await busy.GetAsync("/api/v1/suppliers?limit=1");

            await ApiAssert.ProblemAsync(refused, 429, "more than 3 requests");
            Assert.Equal(HttpStatusCode.OK, (await calm.GetAsync("/api/v1/suppliers?limit=1")).StatusCode);
        }
        finally
        {
            await api.DisposeAsync();
        }
    }
}
