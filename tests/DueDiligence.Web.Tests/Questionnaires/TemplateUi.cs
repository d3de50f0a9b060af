using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The template pages rendered by bunit for an administrator.</summary>
internal static class TemplateUi
{
    /// <summary>
    /// A component context for an administrator. UserFeedback comes from the app's services, where MudBlazor's snackbar
    /// service needs the app's navigation manager: it is started here, as a circuit would start it.
    /// </summary>
    public static ComponentContext Admin(AppFactory app)
    {
        var context = ComponentContext.Create(app, "admin@test", AppRoles.Admin);
        if (context.AppServices.GetRequiredService<NavigationManager>() is IHostEnvironmentNavigationManager navigation)
        {
            navigation.Initialize("http://localhost/", "http://localhost/admin/templates");
        }

        return context;
    }
}
