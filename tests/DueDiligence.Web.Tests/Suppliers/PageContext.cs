using System.Security.Claims;
using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace DueDiligence.Web.Tests.Suppliers;

/// <summary>
/// As <see cref="Ui.ComponentContext"/>, for the supplier pages that report outcomes and validate forms: bunit's own
/// services hold the form's validator and <see cref="UserFeedback"/> on bunit's snackbar service. Resolved from the app
/// instead, the first would not be found (the validation bridge asks the injected IServiceProvider, which does not reach
/// bunit's fallback) and the second would need the app's navigation manager, which only a real circuit initialises.
/// </summary>
public sealed class PageContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private PageContext(AsyncServiceScope scope, BunitContext bunit)
    {
        _scope = scope;
        Bunit = bunit;
    }

    public BunitContext Bunit { get; }

    public static PageContext Create(AppFactory app, string user, params string[] roles)
    {
        var scope = app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);

        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        var authorization = bunit.AddAuthorization();
        authorization.SetAuthorized(user);
        authorization.SetRoles(roles);
        bunit.Services.AddScoped(_ => scope.ServiceProvider.GetRequiredService<IValidator<SupplierInput>>());
        bunit.Services.AddScoped(services => new UserFeedback(services.GetRequiredService<ISnackbar>()));
        bunit.Services.AddFallbackServiceProvider(scope.ServiceProvider);
        // Last: it starts the renderer, after which no service can be added.
        bunit.SetRendererInfo(new RendererInfo("Server", true));
        return new PageContext(scope, bunit);
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
