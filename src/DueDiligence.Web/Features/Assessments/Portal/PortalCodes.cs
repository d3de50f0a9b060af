using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Notifications.Mail;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Assessments.Portal;

/// <summary>How a typed one-time code fared.</summary>
public enum CodeCheck
{
    Accepted,
    Wrong,
    Expired,
    TooManyAttempts,
}

/// <summary>The result of typing a code: the outcome, the tries left on that code, and the invitation it opens when accepted.</summary>
public sealed record CodeOutcome(CodeCheck Check, int AttemptsLeft, SupplierInvitation? Invitation);

/// <summary>
/// The optional one-time code of an invitation: a 6-digit code e-mailed to the contact when its link is opened in a browser
/// that has not proven itself, kept only as a salted hash, working once for 15 minutes and 5 tries. At most 5 codes go out
/// per invitation and hour, so neither the contact's mailbox nor the code can be worn down from one stolen link.
/// </summary>
public sealed class PortalCodes(IDbContextFactory<AppDbContext> dbFactory, MailComposer mails, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    public const int CodesPerHour = 5;

    /// <summary>E-mails a new code to the invitation's contact; the code's record, or null when the invitation had its codes for this hour.</summary>
    public async Task<PortalCode?> SendAsync(SupplierInvitation invitation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var now = time.UtcNow();
        var hourAgo = now.AddHours(-1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Set<PortalCode>().CountAsync(c => c.InvitationId == invitation.Id && c.CreatedAtUtc > hourAgo, cancellationToken) >= CodesPerHour)
        {
            return null;
        }

        var supplierName = await db.Assessments.Where(a => a.Id == invitation.AssessmentId)
            .Join(db.Suppliers, a => a.SupplierId, s => s.Id, (_, s) => s.LegalName).FirstAsync(cancellationToken);
        var digits = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var id = Guid.CreateVersion7();
        var code = new PortalCode(id, invitation.Id, Hash(id, digits), now, now + Lifetime);
        db.Set<PortalCode>().Add(code);
        db.OutboxMails.Add(mails.ComposeForContact(invitation.ContactEmail, invitation.ContactName, PortalMails.Code(invitation, supplierName, digits), now));
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>The invitation a pending code was sent for, to name its address on the code page; null when the code is unknown.</summary>
    public async Task<SupplierInvitation?> InvitationOfAsync(Guid codeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<PortalCode>().Where(c => c.Id == codeId)
            .Join(db.SupplierInvitations, c => c.InvitationId, i => i.Id, (_, i) => i).AsNoTracking().FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Checks a typed code. A try is counted (in one statement, so that parallel tries cannot exceed the limit) before the
    /// comparison; the right code is marked used in one statement too, so that it opens one browser only.
    /// </summary>
    public async Task<CodeOutcome> VerifyAsync(Guid codeId, string typed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var now = time.UtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var codes = db.Set<PortalCode>();
        var counted = await codes.Where(c => c.Id == codeId && c.UsedAtUtc == null && c.ExpiresAtUtc > now && c.Attempts < PortalCode.MaxAttempts)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.Attempts, c => c.Attempts + 1), cancellationToken);
        var code = await codes.AsNoTracking().FirstOrDefaultAsync(c => c.Id == codeId, cancellationToken);
        if (counted == 0 || code is null)
        {
            return new CodeOutcome(code is { UsedAtUtc: null } && code.ExpiresAtUtc > now ? CodeCheck.TooManyAttempts : CodeCheck.Expired, 0, null);
        }

        var attemptsLeft = PortalCode.MaxAttempts - code.Attempts;
        var normalized = new string(typed.Where(char.IsAsciiDigit).ToArray());
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(codeId, normalized)), Encoding.ASCII.GetBytes(code.CodeHash)))
        {
            return new CodeOutcome(attemptsLeft == 0 ? CodeCheck.TooManyAttempts : CodeCheck.Wrong, attemptsLeft, null);
        }

        if (await codes.Where(c => c.Id == codeId && c.UsedAtUtc == null).ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAtUtc, now), cancellationToken) == 0)
        {
            return new CodeOutcome(CodeCheck.Expired, 0, null);
        }

        var invitation = await db.SupplierInvitations.AsNoTracking().FirstAsync(i => i.Id == code.InvitationId, cancellationToken);
        return new CodeOutcome(CodeCheck.Accepted, attemptsLeft, invitation);
    }

    private static string Hash(Guid codeId, string digits) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{codeId:N}:{digits}")));
}
