using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Web.Infrastructure.Notifications.Webhooks;

/// <summary>
/// The signature a receiver checks: HMAC-SHA256, keyed with the endpoint's secret (its UTF-8 text), over
/// "&lt;timestamp&gt;.&lt;body&gt;", sent as <c>X-DueDiligence-Signature: t=&lt;unix seconds&gt;,v1=&lt;lowercase hex&gt;</c>.
/// The timestamp lets the receiver refuse an old delivery replayed (docs/api.md, Webhooks).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-DueDiligence-Signature";
    public const string DeliveryHeader = "X-DueDiligence-Delivery";
    public const string EventHeader = "X-DueDiligence-Event";

    public static string Header(string secret, long timestamp, string body) =>
        string.Create(CultureInfo.InvariantCulture, $"t={timestamp},v1={Compute(secret, timestamp, body)}");

    public static string Compute(string secret, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{timestamp}.{body}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
