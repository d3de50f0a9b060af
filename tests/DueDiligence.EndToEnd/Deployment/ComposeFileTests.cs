using YamlDotNet.RepresentationModel;

namespace DueDiligence.EndToEnd.Deployment;

/// <summary>
/// docker-compose.yml with deploy/compose.env.example, validated and read back by Debian's docker-compose: no Docker
/// engine runs here, so the containers themselves are not started (docs/deployment.md says what was run and what not).
/// </summary>
public sealed class ComposeFileTests : IDisposable
{
    private const string Password = "Compose-Test-Only-2026";
    private const string ChainKey = "q3Vx0cS1S2f8m9Qh4Yx7pZt6LwE5nR1oB2kJ3dF4gH8=";

    private static readonly Dictionary<string, string> Required = new()
    {
        ["DATABASE_PASSWORD"] = Password,
        ["TLS_CERTIFICATE_FILE"] = "/srv/duediligence/tls/fullchain.pem",
        ["TLS_PRIVATE_KEY_FILE"] = "/srv/duediligence/tls/privkey.pem",
        ["AUDIT_CHAIN_KEY"] = ChainKey,
    };

    private readonly string _folder = Directory.CreateTempSubdirectory("dd-compose-").FullName;

    [Theory]
    [InlineData("DATABASE_PASSWORD")]
    [InlineData("TLS_CERTIFICATE_FILE")]
    [InlineData("TLS_PRIVATE_KEY_FILE")]
    [InlineData("AUDIT_CHAIN_KEY")]
    public async Task ARequiredSettingLeftEmpty_ComposeRefusesToStart_SayingWhichOne(string leftEmpty)
    {
        var envFile = ComposeEnvFile.Write(_folder, Required.Where(s => s.Key != leftEmpty).ToDictionary());

        var result = await DockerCompose.ConfigAsync(envFile);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains($"Set {leftEmpty} in .env", result.Errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlserver", "SqlServer", "sqlserver", "Server=sqlserver;")]
    [InlineData("postgres", "Postgres", "postgres", "Host=postgres;")]
    public async Task EachProfile_IsTwoAppReplicasOnItsDatabase_BehindTheProxy(string profile, string provider, string database, string connectsTo)
    {
        var envFile = ComposeEnvFile.Write(_folder, Required);

        var result = await DockerCompose.ConfigAsync(envFile, profile);

        Assert.True(result.ExitCode == 0, result.Errors);
        var compose = (YamlMappingNode)Load(result.Output);
        var services = (YamlMappingNode)compose["services"];
        var app = $"app-{profile}";
        Assert.Equal(new[] { app, database, "proxy" }.Order(), ActiveServices(services, profile).Order());

        var appService = (YamlMappingNode)services[app];
        Assert.Equal("2", Text(appService["scale"]));
        var environment = (YamlMappingNode)appService["environment"];
        Assert.Equal(provider, Text(environment["Database__Provider"]));
        Assert.StartsWith(connectsTo, Text(environment["ConnectionStrings__App"]), StringComparison.Ordinal);
        Assert.Contains($"Password={Password}", Text(environment["ConnectionStrings__App"]), StringComparison.Ordinal);
        Assert.Equal("/evidence", Text(environment["Evidence__Root"]));
        Assert.Equal(ChainKey, Text(environment["Audit__ChainKey"]));
        Assert.Equal("/data", Text(environment["DataDirectory"]));
        Assert.Contains(Texts(appService["volumes"]), v => v.StartsWith("evidence:/evidence", StringComparison.Ordinal));
        Assert.Contains(Texts(appService["volumes"]), v => v.StartsWith("app-data:/data", StringComparison.Ordinal));
        Assert.Equal("healthy", Text(appService["depends_on"][database]["condition"]).Replace("service_", "", StringComparison.Ordinal));

        // nginx reaches the replicas by the name in deploy/nginx/nginx.conf, and the app trusts exactly nginx's network.
        var appNetworks = (YamlMappingNode)appService["networks"];
        Assert.Equal(["app"], Texts(appNetworks["edge"]["aliases"]));
        var edgeSubnet = Text(compose["networks"]["edge"]["ipam"]["config"][0]["subnet"]);
        Assert.Equal(edgeSubnet, Text(environment["ForwardedHeaders__KnownNetworks__0"]));
        Assert.Equal(["edge"], Keys(services["proxy"]["networks"]));

        // The database: on the internal network only, with a health check, and a volume for backups.
        var databaseService = (YamlMappingNode)services[database];
        Assert.Equal(["data"], Keys(databaseService["networks"]));
        Assert.Equal("true", Text(compose["networks"]["data"]["internal"]));
        Assert.True(databaseService.Children.ContainsKey("healthcheck"), $"{database} has a health check the app waits for.");
        Assert.Contains(Texts(databaseService["volumes"]), v => v.StartsWith("backups:", StringComparison.Ordinal));

        // TLS: nginx gets the operator's files as secrets and the shipped configuration.
        Assert.Equal(["tls_certificate", "tls_private_key"], ((YamlSequenceNode)services["proxy"]["secrets"]).Select(s => Text(s["source"])));
        Assert.Equal(Required["TLS_CERTIFICATE_FILE"], Text(compose["secrets"]["tls_certificate"]["file"]));
        Assert.Contains(Texts(services["proxy"]["volumes"]), v => v == $"{ShippedNginxConfig.Path}:/etc/nginx/nginx.conf:ro");
    }

    /// <summary>Services without a profile run always; the others with one of theirs.</summary>
    private static IEnumerable<string> ActiveServices(YamlMappingNode services, string profile) =>
        services.Children
            .Where(s => !((YamlMappingNode)s.Value).Children.TryGetValue("profiles", out var profiles) || Texts(profiles).Contains(profile))
            .Select(s => Text(s.Key));

    private static YamlNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents[0].RootNode;
    }

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static IEnumerable<string> Texts(YamlNode node) => ((YamlSequenceNode)node).Select(Text);

    private static IEnumerable<string> Keys(YamlNode node) => ((YamlMappingNode)node).Children.Keys.Select(Text);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
