using System.Net;
using DueDiligence.Web.Features.Tooling;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.ToolCustody;

/// <summary>Tool photos are served only to signed-in readers of the register, and only under the tool they belong to.</summary>
public sealed class ToolPhotoEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ToolingScenario _scenario = new(app);

    [Fact]
    public async Task Get_WhenAnonymous_RedirectsToSignIn()
    {
        var (tool, photo) = await PhotoAsync();

        var response = await app.CreateBrowserLikeClient().GetAsync($"/tooling/{tool}/photos/{photo}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(IdentitySetup.LoginPath, response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(DemoAccounts.Roles), MemberType = typeof(DemoAccounts))]
    public async Task Get_WhenSignedInWithARole_ServesThePngUncached(string role)
    {
        var (tool, photo) = await PhotoAsync();
        var user = DemoAccounts.ForRole(role);
        var client = await app.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync($"/tooling/{tool}/photos/{photo}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SampleFiles.Png(), await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("no-store", response.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnderAnotherToolsAddress_IsNotFound()
    {
        var (_, photo) = await PhotoAsync();
        var (otherTool, _) = await PhotoAsync();
        var user = DemoAccounts.ForRole(AppRoles.Analyst);
        var client = await app.SignInAsync(user.Email, user.Password);

        var response = await client.GetAsync($"/tooling/{otherTool}/photos/{photo}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_WhenSignedInWithoutARole_IsForbidden()
    {
        var (tool, photo) = await PhotoAsync();
        var client = await RoleLessClientAsync();

        var response = await client.GetAsync($"/tooling/{tool}/photos/{photo}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<(Guid Tool, Guid Photo)> PhotoAsync()
    {
        var tool = await _scenario.ToolAsync(ToolPlaceInput.InHouse);
        var photo = await app.AsUserAsync(ToolingScenario.Owner, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().AddPhotoAsync(tool, "mould.png", new MemoryStream(SampleFiles.Png())));
        return (tool, photo.Id);
    }

    /// <summary>An account whose roles were all taken away: signed in, but a reader of nothing.</summary>
    private async Task<HttpClient> RoleLessClientAsync()
    {
        const string password = "Tooling-Photo-Reader-2026!";
        var email = $"norole-{Guid.NewGuid():N}@test.local";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "No Role" }, password);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        }

        return await app.SignInAsync(email, password);
    }
}
