using DueDiligence.Domain.Jurisdictions;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>The publisher, edition, licence and required attribution of each shipped reference data set (docs/jurisdiction-data.md).</summary>
public static class ReferenceSources
{
    public sealed record Dataset(JurisdictionIndicator Indicator, string Source, string Licence, string Attribution, string Url);

    public static readonly IReadOnlyList<Dataset> All =
    [
        new(JurisdictionIndicator.Ustr301,
            "Office of the United States Trade Representative, 2025 Special 301 Report (29 April 2025)",
            "Public domain (US government work, 17 U.S.C. §105)",
            "Source: USTR 2025 Special 301 Report",
            "https://ustr.gov/issue-areas/intellectual-property/special-301"),
        new(JurisdictionIndicator.EuPriority,
            "European Commission, 2025 Report on the protection and enforcement of IP rights in third countries (22 May 2025)",
            "CC BY 4.0 (Commission reuse policy)",
            "Source: European Commission, 2025 third-country IP report",
            "https://policy.trade.ec.europa.eu"),
        new(JurisdictionIndicator.Cpi,
            "Transparency International, Corruption Perceptions Index 2025 (10 February 2026)",
            "CC BY-ND 4.0",
            "Source: Transparency International, CPI 2025 (CC BY-ND 4.0)",
            "https://www.transparency.org/en/cpi/2025"),
        new(JurisdictionIndicator.WgiRuleOfLaw,
            "World Bank, Worldwide Governance Indicators, 2024 update (data year 2023), Rule of Law estimate",
            "CC BY 4.0",
            "Source: World Bank, Worldwide Governance Indicators (2024 update), CC BY 4.0",
            "https://www.worldbank.org/en/publication/worldwide-governance-indicators"),
    ];

    public static Dataset For(JurisdictionIndicator indicator) => All.Single(d => d.Indicator == indicator);
}
