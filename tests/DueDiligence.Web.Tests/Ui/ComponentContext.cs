using System.Security.Claims;
using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>
/// bunit for our components: MudBlazor's services, an interactive Server renderer (pages load their data only there),
/// and behind them the real app's services on its real SQLite file, acting as one signed-in user.
/// </summary>
public sealed class ComponentContext : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope;

    private ComponentContext(AsyncServiceScope scope, BunitContext bunit)
    {
        _scope = scope;
        Bunit = bunit;
    }

    public BunitContext Bunit { get; }

    /// <summary>The app's services as the signed-in user sees them (use cases, queries, the database).</summary>
    public IServiceProvider AppServices => _scope.ServiceProvider;

    /// <summary>A context for this user on the app's services; without an app, only MudBlazor and the renderer.</summary>
    public static ComponentContext Create(AppFactory? app = null, string user = "tester", params string[] roles) =>
        CreateOn(app?.Services, user, roles);

    /// <summary>As <see cref="Create"/>, on the services of any variant of the app (one with a test clock, say).</summary>
    public static ComponentContext CreateOn(IServiceProvider? appServices, string user, params string[] roles)
    {
        var scope = (appServices ?? new ServiceCollection().BuildServiceProvider()).CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        scope.ServiceProvider.GetService<CurrentUser>()?.ActAs(principal);

        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        // Pages tell outcomes through MudBlazor's snackbar: it must be this renderer's, not the app scope's (which has no navigation).
        bunit.Services.AddScoped<UserFeedback>();
        var authorization = bunit.AddAuthorization();
        authorization.SetAuthorized(user);
        authorization.SetRoles(roles);
        if (appServices is not null)
        {
            bunit.Services.AddFallbackServiceProvider(scope.ServiceProvider);
            ForwardValidators(bunit.Services, scope.ServiceProvider);

            // App services behind bunit that read the address (as in a circuit) get one.
            ((IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/");
        }

        // Last: it starts the renderer, after which no service can be added.
        bunit.SetRendererInfo(new RendererInfo("Server", true));

        return new ComponentContext(scope, bunit);
    }

    /// <summary>
    /// The FluentValidation bridge finds a form's validator through the injected IServiceProvider, which is bunit's own and
    /// bypasses the fallback: the app's validators are forwarded to it.
    /// </summary>
    private static void ForwardValidators(IServiceCollection services, IServiceProvider app)
    {
        var registered = app.GetRequiredService<IServiceProviderIsService>();
        var validatorTypes = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Distinct()
            .Where(registered.IsService);
        foreach (var validatorType in validatorTypes)
        {
            services.AddScoped(validatorType, _ => app.GetRequiredService(validatorType));
        }
    }

    /// <summary>Renders the component inside MudBlazor's popover provider, as the layout does, so menus and pickers open.</summary>
    public IRenderedComponent<TComponent> Render<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Bunit.Render<MudBlazor.MudPopoverProvider>();
        return Bunit.Render(parameters ?? (_ => { }));
    }

    public async ValueTask DisposeAsync()
    {
        await Bunit.DisposeAsync();
        await _scope.DisposeAsync();
    }
}
