using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// A page whose session ended in its circuit: the browser is told where to go (the sign-in page, back here afterwards),
/// and goes by itself (app.js); the circuit asks nothing of a page that may already be gone.
/// </summary>
public sealed class RedirectToLoginTests
{
    [Fact]
    public async Task InACircuit_NamesTheSignInPageWithTheWayBack_AndLeavesTheNavigationToTheBrowser()
    {
        await using var context = ComponentContext.Create();
        var navigation = context.Bunit.Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("/suppliers?status=Approved");

        var redirect = context.Bunit.Render<RedirectToLogin>();

        var marker = redirect.Find("span[data-leave-to]");
        Assert.Equal("/account/login?returnUrl=%2Fsuppliers%3Fstatus%3DApproved&sessionEnded=true", marker.GetAttribute("data-leave-to"));
        Assert.True(marker.HasAttribute("hidden"));
        Assert.Equal("http://localhost/suppliers?status=Approved", navigation.Uri);
    }
}
