namespace DueDiligence.Web.Infrastructure.Scheduling;

/// <summary>
/// This app process among the instances that share a database: <c>Instance:Name</c> when configured, otherwise the host
/// name and process id, which are unique for as long as the process lives.
/// </summary>
public sealed class InstanceIdentity(string name)
{
    public string Name { get; } = name;

    public static InstanceIdentity FromConfiguration(IConfiguration configuration)
    {
        var configured = configuration["Instance:Name"];
        return new(string.IsNullOrWhiteSpace(configured) ? $"{Environment.MachineName}:{Environment.ProcessId}" : configured.Trim());
    }
}
