namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A one-time code e-mailed to a supplier contact whose invitation asks for one (<see cref="SupplierInvitation.AsksForCode"/>),
/// when its link is opened in a browser that has not proven itself for that invitation. Only a hash of the code is kept;
/// the code works once, until <see cref="ExpiresAtUtc"/>, and for at most <see cref="MaxAttempts"/> tries.
/// </summary>
public sealed class PortalCode
{
    /// <summary>Tries one code allows, right or wrong.</summary>
    public const int MaxAttempts = 5;

    private PortalCode()
    {
    }

    public PortalCode(Guid id, Guid invitationId, string codeHash, DateTime nowUtc, DateTime expiresAtUtc)
    {
        Id = id;
        InvitationId = invitationId;
        CodeHash = codeHash;
        CreatedAtUtc = nowUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid InvitationId { get; private set; }

    /// <summary>SHA-256 of the code salted with <see cref="Id"/>, 64 lower-case hex digits; the code itself goes only into the e-mail.</summary>
    public string CodeHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    /// <summary>Tries made so far, counted before each comparison.</summary>
    public int Attempts { get; private set; }

    /// <summary>When the right code was typed; a code works once.</summary>
    public DateTime? UsedAtUtc { get; private set; }
}
