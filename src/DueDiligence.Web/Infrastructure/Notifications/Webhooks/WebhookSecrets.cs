using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// Endpoint secrets: 256 random bits, shown to the administrator once and stored protected (encrypted and authenticated)
/// with the app's data-protection keys, because the sender needs the secret itself to sign (a hash would not do). A copy
/// of the endpoints table alone (an export, a log of a query) does not give the secrets away; whoever holds the whole
/// database holds the key ring as well (docs/security.md, Webhooks).
/// </summary>
public sealed class WebhookSecrets(IDataProtectionProvider protection)
{
    public const string Prefix = "whsec_";

    private readonly IDataProtector _protector = protection.CreateProtector("DueDiligence.WebhookSecret.v1");

    /// <summary>A new secret, and its protected form for the database.</summary>
    public (string Secret, string Protected) Create()
    {
        var secret = Prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        return (secret, _protector.Protect(secret));
    }

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
