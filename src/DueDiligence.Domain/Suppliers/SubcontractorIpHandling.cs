namespace DueDiligence.Domain.Suppliers;

/// <summary>Whether a subcontractor handles our IP (drawings, CAD, firmware, tooling), as the supplier's owner confirmed it.</summary>
public enum SubcontractorIpHandling
{
    /// <summary>Not confirmed yet: counted as handling our IP (the cautious reading) until the owner says otherwise.</summary>
    NotConfirmed,

    /// <summary>Works from or holds our IP: its country counts in the worst jurisdiction risk.</summary>
    HandlesOurIp,

    /// <summary>Confirmed not to see our IP (e.g. packaging, transport): its country does not count.</summary>
    DoesNotHandleOurIp,
}
