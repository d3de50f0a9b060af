using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>A TLS server certificate for 127.0.0.1 made for one test run, written as the PEM files nginx reads.</summary>
public sealed class SelfSignedCertificate
{
    private SelfSignedCertificate(string certificateFile, string privateKeyFile, string thumbprint)
    {
        CertificateFile = certificateFile;
        PrivateKeyFile = privateKeyFile;
        Thumbprint = thumbprint;
    }

    public string CertificateFile { get; }

    public string PrivateKeyFile { get; }

    /// <summary>SHA-1 thumbprint, hex: clients of the test trust this one certificate and no other.</summary>
    public string Thumbprint { get; }

    public static SelfSignedCertificate WriteTo(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        var certificateFile = Path.Combine(folder, "tls.crt");
        var privateKeyFile = Path.Combine(folder, "tls.key");
        File.WriteAllText(certificateFile, certificate.ExportCertificatePem());
        File.WriteAllText(privateKeyFile, key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privateKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return new SelfSignedCertificate(certificateFile, privateKeyFile, certificate.Thumbprint);
    }
}
