using Bunit;
using DueDiligence.Web.Components.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>The dialog that guards consequential actions: only its confirming button lets the action go ahead.</summary>
public sealed class ConfirmationTests
{
    [Theory]
    [InlineData("confirm-yes", true)]
    [InlineData("confirm-cancel", false)]
    public async Task ConfirmAsync_WhenTheUserPressesAButton_ReturnsWhetherTheyConfirmed(string button, bool expected)
    {
        await using var context = ComponentContext.Create();
        var provider = context.Bunit.Render<MudDialogProvider>();
        var dialogs = context.Bunit.Services.GetRequiredService<IDialogService>();

        var answer = provider.InvokeAsync(() => dialogs.ConfirmAsync("Lock this account?", "Ana will be signed out.", "Lock account", destructive: true));
        provider.WaitForAssertion(() => Assert.Equal("Ana will be signed out.", provider.Find("[data-testid=confirm-message]").TextContent.Trim()));
        Assert.Equal("Lock account", provider.Find("[data-testid=confirm-yes]").TextContent.Trim());
        await provider.Find($"[data-testid={button}]").ClickAsync(new());

        Assert.Equal(expected, await answer);
    }
}
