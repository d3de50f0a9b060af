using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Monitoring;

/// <summary>
/// What changed a decided supplier's current position: what, when, by whom, and its residual risk R and tier before and
/// after. Informational entries (a knock-out added in a newer template version) change no figure.
/// </summary>
public sealed class SupplierPositionChange
{
    private SupplierPositionChange()
    {
    }

    public SupplierPositionChange(Guid supplierId, string what, string byName, DateTime atUtc, PositionFigures before, PositionFigures after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        Id = Guid.CreateVersion7();
        SupplierId = supplierId;
        What = Common.Text.Required(what, "Say what changed.", 1000);
        ByName = Common.Text.Required(byName, "Say who changed it.", 256);
        AtUtc = atUtc;
        TierBefore = before.Tier;
        ResidualRiskBefore = before.ResidualRisk;
        TierAfter = after.Tier;
        ResidualRiskAfter = after.ResidualRisk;
    }

    public Guid Id { get; private set; }

    public Guid SupplierId { get; private set; }

    public string What { get; private set; } = "";

    public string ByName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }

    public RiskTier? TierBefore { get; private set; }

    public double? ResidualRiskBefore { get; private set; }

    public RiskTier? TierAfter { get; private set; }

    public double? ResidualRiskAfter { get; private set; }
}

/// <summary>A live residual risk R and its tier; both null while the supplier has no submitted assessment.</summary>
public sealed record PositionFigures(RiskTier? Tier, double? ResidualRisk);
