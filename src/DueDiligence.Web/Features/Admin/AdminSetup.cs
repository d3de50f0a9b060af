using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Admin.Status;
using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Features.Admin.Webhooks;
using DueDiligence.Web.Infrastructure.Identity;
using FluentValidation;

namespace DueDiligence.Web.Features.Admin;

/// <summary>Use cases of the Administration area.</summary>
internal static class AdminSetup
{
    public static IServiceCollection AddAdminFeature(this IServiceCollection services)
    {
        services.AddScoped<OperationScope>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<IssuePasswordResetLink>();
        services.AddScoped<IValidator<NewUserInput>, NewUserInputValidator>();
        services.AddScoped<AuditLog>();
        services.AddScoped<SystemStatus>();
        services.AddScoped<WebhookAdministration>();
        return services;
    }

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder endpoints) => endpoints.MapAuditReceipt();
}
