using System.Security.Claims;
using Bunit;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
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
    public static ComponentContext Create(AppFactory? app = null, string user = "tester", params string[] roles)
    {
        var scope = (app?.Services ?? new ServiceCollection().BuildServiceProvider()).CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user), new Claim(ClaimTypes.NameIdentifier, user), .. roles.Select(r => new Claim(ClaimTypes.Role, r))], "test"));
        scope.ServiceProvider.GetService<CurrentUser>()?.ActAs(principal);

        var bunit = new BunitContext();
        bunit.JSInterop.Mode = JSRuntimeMode.Loose;
        bunit.Services.AddMudServices();
        var authorization = bunit.AddAuthorization();
        authorization.SetAuthorized(user);
        authorization.SetRoles(roles);
        if (app is not null)
        {
            bunit.Services.AddFallbackServiceProvider(scope.ServiceProvider);
            UseAppFormValidators(bunit.Services, scope.ServiceProvider);

            // App services behind bunit (UserFeedback and the snackbar it uses) follow the address, as in a circuit.
            ((IHostEnvironmentNavigationManager)scope.ServiceProvider.GetRequiredService<NavigationManager>()).Initialize("http://localhost/", "http://localhost/");
        }

        // Last: it starts the renderer, after which no service can be added.
        bunit.SetRendererInfo(new RendererInfo("Server", true));

        return new ComponentContext(scope, bunit);
    }

    /// <summary>
    /// FluentValidationValidator finds a form's validator through the injected IServiceProvider, which bunit answers from its
    /// own container without the fallback: each validator of the app is registered there too, resolved by the app's scope.
    /// </summary>
    private static void UseAppFormValidators(IServiceCollection services, IServiceProvider app)
    {
        var validators = typeof(DueDiligence.Web.Components.Shared.FluentValidationValidator).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(FluentValidation.IValidator<>))
            .Distinct();
        foreach (var validator in validators)
        {
            services.AddScoped(validator, _ => app.GetRequiredService(validator));
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
