using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Features.Account;
using DueDiligence.Web.Features.Admin;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Agreements;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Reminders;
using DueDiligence.Web.Features.Assessments.RiskSummary;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Features.Assessments.Workbook;
using DueDiligence.Web.Features.Dashboard;
using DueDiligence.Web.Features.IpRights;
using DueDiligence.Web.Features.Jurisdictions;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Features.Questionnaires;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Features.Tooling;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Risk;

namespace DueDiligence.Web.Features;

/// <summary>Registers every feature's use cases and maps its HTTP endpoints.</summary>
public static class FeatureSetup
{
    public static IServiceCollection AddFeatures(this IServiceCollection services)
    {
        services.AddScoped<UserFeedback>();
        services.AddScoped<AccessRefusals>();
        services.AddScoped<JurisdictionRiskLookup>();
        services.AddAccountFeature();
        services.AddAdminFeature();
        services.AddJurisdictionsFeature();
        services.AddIpRightsFeature();
        services.AddSuppliersFeature();
        services.AddAssessmentsFeature();
        services.AddDashboardFeature();
        services.AddMonitoringFeature();
        services.AddRemindersFeature();
        services.AddQuestionnairesFeature();
        services.AddSourcingFeature();
        services.AddReportsFeature();
        services.AddToolingFeature();
        services.AddAgreementsFeature();
        return services;
    }

    /// <summary>After authentication: keeps supplier portal visitors inside the portal.</summary>
    public static IApplicationBuilder UseFeatureGuards(this IApplicationBuilder app) => app.UsePortalGuard();

    /// <summary>Who may open a circuit: signed-in users, and supplier portal visitors.</summary>
    public const string CircuitPolicy = PortalSetup.CircuitPolicy;

    public static IEndpointRouteBuilder MapFeatureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        endpoints.MapAdminEndpoints();
        endpoints.MapEvidenceEndpoints();
        endpoints.MapQuestionnaireWorkbookEndpoints();
        endpoints.MapPortalEndpoints();
        endpoints.MapThreadFileEndpoints();
        endpoints.MapSupplierFileEndpoints();
        endpoints.MapDashboardEndpoints();
        endpoints.MapQuestionnaireEndpoints();
        endpoints.MapSourcingEndpoints();
        endpoints.MapReportEndpoints();
        endpoints.MapToolPhotoEndpoints();
        endpoints.MapIpRightEndpoints();
        endpoints.MapAgreementEndpoints();
        endpoints.MapApiGroup()
            .MapSupplierApi()
            .MapJurisdictionApi()
            .MapSourcingApi()
            .MapAssessmentApi().MapFollowUpApi()
            .MapRiskSummaryApi()
            .MapAuditApi();
        return endpoints;
    }
}
