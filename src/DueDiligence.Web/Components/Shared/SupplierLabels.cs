using DueDiligence.Domain.Suppliers;

namespace DueDiligence.Web.Components.Shared;

/// <summary>How supplier values read on screen and in exports.</summary>
public static class SupplierLabels
{
    public static string Of(SupplierStatus status) => status switch
    {
        SupplierStatus.UnderAssessment => "Under assessment",
        SupplierStatus.ApprovedWithConditions => "Approved with conditions",
        _ => status.ToString(),
    };

    public static string Of(SupplierCategory category) => category switch
    {
        SupplierCategory.ContractManufacturer => "Contract manufacturer",
        SupplierCategory.ComponentMaker => "Component maker",
        SupplierCategory.DesignHouse => "Design house",
        SupplierCategory.OutsourcingPartner => "Outsourcing partner",
        _ => category.ToString(),
    };

    /// <summary>The choice as the supplier form offers it, saying what each answer does to the jurisdiction risk.</summary>
    public static string Of(SubcontractorIpHandling ipHandling) => ipHandling switch
    {
        SubcontractorIpHandling.HandlesOurIp => "Handles our IP — its country counts",
        SubcontractorIpHandling.DoesNotHandleOurIp => "Does not handle our IP — its country does not count",
        _ => "Not confirmed yet — counted as handling our IP",
    };

    public static string Of(IpAssetCategory category) => DueDiligence.Domain.Suppliers.AssetLabels.Of(category);

    public static string Of(SiteActivity activities) =>
        activities == SiteActivity.None
            ? "—"
            : string.Join(", ", Enum.GetValues<SiteActivity>().Where(a => a != SiteActivity.None && activities.HasFlag(a)).Select(ActivityName));

    public static string ActivityName(SiteActivity activity) => activity switch
    {
        SiteActivity.ComponentManufacturing => "Component manufacturing",
        SiteActivity.FinalAssembly => "Final assembly",
        SiteActivity.SoftwareDevelopment => "Software development",
        _ => activity.ToString(),
    };
}
