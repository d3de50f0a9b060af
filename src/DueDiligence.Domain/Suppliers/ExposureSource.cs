using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Suppliers;

/// <summary>One reason a country counts in a supplier's worst jurisdiction risk, in words ("HQ", "site: Shenzhen", "subcontractor …").</summary>
public sealed record ExposureSource(CountryCode Country, string Description);
