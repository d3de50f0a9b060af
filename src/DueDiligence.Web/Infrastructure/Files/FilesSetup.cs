namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Registers the evidence store and its options (section <c>Evidence</c>).</summary>
public static class FilesSetup
{
    /// <remarks>Needs the <see cref="DataDirectory"/> singleton, registered by <c>AddPersistence</c>.</remarks>
    public static IServiceCollection AddEvidenceStore(this IServiceCollection services)
    {
        services.AddOptions<EvidenceOptions>()
            .BindConfiguration(EvidenceOptions.SectionName)
            .Validate(options => options.MaxUploadBytes > 0, "Evidence:MaxUploadBytes must be a positive number of bytes.")
            .ValidateOnStart();
        services.AddSingleton<EvidenceStore>();
        return services;
    }
}
