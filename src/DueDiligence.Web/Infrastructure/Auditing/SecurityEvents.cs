using System.Text.Json.Nodes;
using DueDiligence.Domain.Auditing;
using DueDiligence.Web.Infrastructure.Observability;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Auditing;

/// <summary>Security events that change no record of their own, as the audit trail names them.</summary>
public enum SecurityEvent
{
    SignIn,
    SignInRefused,
    Lockout,
    SignOut,
    PasswordChanged,
    PasswordResetIssued,
    PasswordReset,
    MfaEnabled,
    MfaDisabled,
    MfaReset,
    RecoveryCodesRegenerated,
    RecoveryCodeUsed,
    SecondStepRefused,

    /// <summary>The server refused a session that had been signed in: its account signed out or changed, or it lasted too long.</summary>
    SessionEnded,

    /// <summary>A supplier contact opened its invitation link to the portal.</summary>
    PortalLinkOpened,

    /// <summary>The portal refused a visitor: an unknown, expired, withdrawn or replaced link, a form from elsewhere, a page outside the invitation.</summary>
    PortalRefused,

    /// <summary>A user made a personal access token for the API.</summary>
    ApiTokenCreated,

    /// <summary>A user revoked one of their personal access tokens.</summary>
    ApiTokenRevoked,

    /// <summary>The API refused a bearer token: unknown, revoked, expired, or its account locked or gone.</summary>
    ApiTokenRefused,
}

/// <summary>
/// Appends security events — sign-ins, refused sign-ins, lockouts, sign-outs, sessions ended by the server, password changes and resets, two-factor changes and refused codes, API tokens made, revoked and refused — to the audit trail, chained like every
/// other event. The account is the event's record (its id, or "unknown" when the address has no account); what was typed
/// and where from are its details. Never a password, key or code.
/// </summary>
public sealed class SecurityEvents(
    IDbContextFactory<AppDbContext> contexts, TimeProvider clock, AuditChainSigner signer, AuditCheckpoints checkpoints, AppMetrics metrics)
{
    public const string UnknownAccount = "unknown";

    private const int LongestText = 256;

    public async Task RecordAsync(SecurityEvent kind, string? userId, string actor, string? email, string? clientAddress, string? reason = null)
    {
        if (kind is SecurityEvent.SignInRefused or SecurityEvent.SecondStepRefused)
        {
            metrics.SignInFailed(kind == SecurityEvent.SignInRefused ? "password" : "second-step");
        }

        var details = new JsonObject();
        Add(details, "Email", email);
        Add(details, "ClientAddress", clientAddress);
        Add(details, "Reason", reason);
        var entry = new AuditEntryBuilder.Entry(kind.ToString(), userId ?? UnknownAccount, AuditAction.Insert, details.ToJsonString());

        await using var db = await contexts.CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await AuditInterceptor.AppendAsync(db, signer, checkpoints, Shorten(actor)!, clock.UtcNow(), [entry], CancellationToken.None);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private static void Add(JsonObject details, string field, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            details[field] = new JsonObject { ["after"] = Shorten(value) };
        }
    }

    /// <summary>What a visitor typed, without control characters and at most as long as the trail keeps.</summary>
    private static string? Shorten(string? text) =>
        text is null ? null : new string(text.Where(c => !char.IsControl(c)).Take(LongestText).ToArray());
}
