using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Registers the evidence store, its folder and options (section <c>Evidence</c>), and the start-up sweep of interrupted uploads.</summary>
public static class FilesSetup
{
    /// <remarks>Needs the <see cref="DataDirectory"/> and <see cref="TimeProvider"/> singletons, registered by <c>AddPersistence</c>.</remarks>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>()
            .BindConfiguration(EvidenceOptions.SectionName)
            .Validate(options => options.MaxUploadBytes > 0, "Evidence:MaxUploadBytes must be a positive number of bytes.")
            .Validate(options => options.InterruptedUploadAge > TimeSpan.Zero, "Evidence:InterruptedUploadAge must be a positive time span, such as 01:00:00.")
            .ValidateOnStart();
        services.AddSingleton(provider => EvidenceFolder.FromOptions(
            provider.GetRequiredService<IOptions<EvidenceOptions>>().Value, provider.GetRequiredService<IHostEnvironment>(), provider.GetRequiredService<DataDirectory>()));
        services.AddSingleton<EvidenceStore>();
        services.AddSingleton<InterruptedUploadSweep>();
        services.AddSingleton<InterruptedUploadSweepJob>();
        services.AddHostedService(provider => provider.GetRequiredService<InterruptedUploadSweepJob>());
        return services;
    }
}
