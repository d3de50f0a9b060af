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
            .Validate(options => options.Archives.MaxUnpackedBytes > 0, "Evidence:Archives:MaxUnpackedBytes must be a positive number of bytes.")
            .Validate(options => options.Archives.MaxEntries > 0, "Evidence:Archives:MaxEntries must be a positive number of entries.")
            .Validate(options => options.Archives.MaxCompressionRatio > 0, "Evidence:Archives:MaxCompressionRatio must be a positive number, such as 100 for 100 to 1.")
            .Validate(options => options.Archives.RatioCheckedFromBytes >= 0, "Evidence:Archives:RatioCheckedFromBytes must be zero or a positive number of bytes.")
            .Validate(options => options.Archives.MaxNestingDepth >= 0, "Evidence:Archives:MaxNestingDepth must be zero (no archive inside an upload) or a positive depth.")
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
