using System.Text.RegularExpressions;
using DueDiligence.EndToEnd.Infrastructure;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// deploy/nginx/nginx.conf as the deployment tests run it: the shipped file with only what differs on one machine
/// changed: the app instances' addresses, the listening ports, the certificate files, log and temporary files in the
/// test's folder, and the address nginx connects to the app from. Sticky sessions, TLS, forwarded headers and
/// WebSocket upgrades are the shipped lines themselves.
/// </summary>
public static partial class ShippedNginxConfig
{
    public static string Path => System.IO.Path.Combine(RepositoryPaths.Root, "deploy", "nginx", "nginx.conf");

    public static string ForLoopback(string folder, IReadOnlyList<int> appPorts, int httpPort, int httpsPort, SelfSignedCertificate certificate, string proxyAddress)
    {
        var config = File.ReadAllText(Path);
        config = Replace(config, "error_log /var/log/nginx/error.log", $"error_log {folder}/error.log");
        config = Replace(config, "access_log /var/log/nginx/access.log", $"access_log {folder}/access.log");
        config = Replace(config, "listen 80;", $"listen 127.0.0.1:{httpPort};");
        config = Replace(config, "listen 443 ssl;", $"listen 127.0.0.1:{httpsPort} ssl;");
        config = Replace(config, "/run/secrets/tls_certificate", certificate.CertificateFile);
        config = Replace(config, "/run/secrets/tls_private_key", certificate.PrivateKeyFile);
        config = Replace(config, "proxy_pass http://duediligence;", $"proxy_pass http://duediligence;\n            proxy_bind {proxyAddress};");
        // Temporary files of a root-started nginx go to its compiled-in folders otherwise.
        var temporaryPaths = string.Concat(new[] { "client_body", "proxy", "fastcgi", "uwsgi", "scgi" }
            .Select(kind => $"\n    {kind}_temp_path {folder}/{kind}_temp;"));
        config = Replace(config, "http {", "http {" + temporaryPaths);

        // One server line per instance, with the shipped parameters but for resolve (a name in Docker's DNS).
        var server = AppServerLine().Match(config);
        if (!server.Success)
        {
            throw new InvalidOperationException($"{Path} no longer has the line 'server app:8080 resolve …;' the deployment tests replace; update ShippedNginxConfig.");
        }

        var servers = string.Join("\n        ", appPorts.Select(port => $"server 127.0.0.1:{port} {server.Groups["parameters"].Value};"));
        return config.Replace(server.Value, servers, StringComparison.Ordinal);
    }

    private static string Replace(string config, string shipped, string replacement)
    {
        var at = config.IndexOf(shipped, StringComparison.Ordinal);
        if (at < 0 || config.IndexOf(shipped, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"{Path} no longer has exactly one '{shipped}', which the deployment tests replace; update ShippedNginxConfig.");
        }

        return config.Replace(shipped, replacement, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"server app:8080 resolve (?<parameters>[^;]*);")]
    private static partial Regex AppServerLine();
}
