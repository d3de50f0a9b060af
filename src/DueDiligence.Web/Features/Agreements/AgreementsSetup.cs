namespace DueDiligence.Web.Features.Agreements;

/// <summary>Use cases of agreements, the clause library and the file release ledger.</summary>
internal static class AgreementsSetup
{
    public static IServiceCollection AddAgreementsFeature(this IServiceCollection services)
    {
        services.AddScoped<AgreementQueries>();
        services.AddScoped<AgreementCommands>();
        services.AddScoped<ClauseLibrary>();
        services.AddScoped<ReleaseLedger>();
        return services;
    }
}
