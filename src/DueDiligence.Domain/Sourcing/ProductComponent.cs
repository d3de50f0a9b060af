using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Sourcing;

/// <summary>
/// One line of a sourcing project's small bill of materials: how sensitive its IP is (1–5), whether it holds firmware,
/// formulas or design know-how, and who would make it — a candidate supplier, or nobody outside (kept in-house).
/// </summary>
public sealed class ProductComponent
{
    private ProductComponent()
    {
    }

    public ProductComponent(Guid sourcingProjectId, ComponentSpec spec)
    {
        Id = Guid.NewGuid();
        SourcingProjectId = sourcingProjectId;
        Update(spec);
    }

    public Guid Id { get; private set; }

    public Guid SourcingProjectId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>1 (public soon anyway) … 5 (a crown jewel).</summary>
    public int Sensitivity { get; private set; }

    public bool HoldsFirmware { get; private set; }

    public bool HoldsFormulas { get; private set; }

    public bool HoldsDesignKnowHow { get; private set; }

    /// <summary>The candidate supplier that would make it; null when it is kept in-house.</summary>
    public Guid? SupplierId { get; private set; }

    /// <summary>Changes on every save; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public void Update(ComponentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.Sensitivity is < 1 or > 5)
        {
            throw new DomainException($"The IP sensitivity of a component is 1 to 5, not {spec.Sensitivity}.");
        }

        Name = Text.Required(spec.Name, "Name the component, e.g. “main board firmware”.", 120);
        Sensitivity = spec.Sensitivity;
        HoldsFirmware = spec.HoldsFirmware;
        HoldsFormulas = spec.HoldsFormulas;
        HoldsDesignKnowHow = spec.HoldsDesignKnowHow;
        SupplierId = spec.SupplierId;
        Version = Guid.NewGuid();
    }

    public PlanComponent ToPlan() => new(Name, Sensitivity, HoldsFirmware, HoldsFormulas, HoldsDesignKnowHow, SupplierId);
}

/// <summary>What a component is and who makes it, as entered.</summary>
public sealed record ComponentSpec(string Name, int Sensitivity, bool HoldsFirmware, bool HoldsFormulas, bool HoldsDesignKnowHow, Guid? SupplierId);
