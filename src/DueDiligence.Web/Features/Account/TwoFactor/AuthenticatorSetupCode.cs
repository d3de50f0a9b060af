using QRCoder;

namespace DueDiligence.Web.Features.Account.TwoFactor;

/// <summary>
/// What an authenticator app needs to add an account: the key in groups of four for typing, and the otpauth:// address
/// as a QR code, a PNG data URI made on the server (the CSP allows data: images; no script draws it).
/// </summary>
public sealed record AuthenticatorSetupCode(string KeyInGroups, string QrCodeDataUri)
{
    public const string Issuer = "DueDiligence";

    public static AuthenticatorSetupCode For(string email, string key)
    {
        var address = $"otpauth://totp/{Uri.EscapeDataString($"{Issuer}:{email}")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits={AuthenticatorCodes.Digits}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetupCode(InGroups(key), "data:image/png;base64," + Convert.ToBase64String(png));
    }

    private static string InGroups(string key) =>
        string.Join(' ', key.Chunk(4).Select(group => new string(group)));
}
