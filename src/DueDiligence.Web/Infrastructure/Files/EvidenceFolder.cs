namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>The folder of the evidence store: <c>Evidence:Root</c>, or <c>evidence/</c> in the data directory. Never inside wwwroot.</summary>
public sealed class EvidenceFolder
{
    public EvidenceFolder(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static EvidenceFolder FromOptions(EvidenceOptions options, IHostEnvironment environment, DataDirectory data) =>
        new(string.IsNullOrWhiteSpace(options.Root)
            ? data.DefaultEvidencePath
            : FolderSetting.Resolve(environment, $"{EvidenceOptions.SectionName}:{nameof(EvidenceOptions.Root)}", options.Root));
}
