using FluentValidation;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>Use cases of the supplier register.</summary>
internal static class SuppliersSetup
{
    public static IServiceCollection AddSuppliersFeature(this IServiceCollection services)
    {
        services.AddScoped<SupplierQueries>();
        services.AddScoped<SupplierCommands>();
        services.AddScoped<SupplierTeam>();
        services.AddScoped<SupplierTrend>();
        services.AddScoped<SupplierExport>();
        services.AddScoped<SupplierImport>();
        services.AddScoped<IValidator<SupplierInput>, SupplierInputValidator>();
        return services;
    }
}
