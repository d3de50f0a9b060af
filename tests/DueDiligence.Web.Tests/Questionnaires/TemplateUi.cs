using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;

namespace DueDiligence.Web.Tests.Questionnaires;

/// <summary>The template pages rendered by bunit for an administrator.</summary>
internal static class TemplateUi
{
    public static ComponentContext Admin(AppFactory app) => ComponentContext.Create(app, "admin@test", AppRoles.Admin);
}
