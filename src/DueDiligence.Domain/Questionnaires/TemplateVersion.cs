using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>One version of a questionnaire template: edited as a draft, immutable once published, retired when superseded.</summary>
public sealed class TemplateVersion
{
    private const int ErrorsShownOnPublish = 5;

    private TemplateDefinition _definition = new();

    // For EF Core.
    private TemplateVersion()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>Shared by every version of the same template.</summary>
    public Guid TemplateKey { get; private set; }

    public string Name { get; private set; } = "";

    public int VersionNumber { get; private set; }

    public TemplateStatus Status { get; private set; }

    /// <summary>A copy of the content: changing it never changes this version; drafts change through <see cref="UpdateDefinition"/>.</summary>
    /// <remarks>EF Core reads and writes the backing field, so persistence does not pay for the copy.</remarks>
    public TemplateDefinition Definition
    {
        get => _definition.Clone();
        private set => _definition = value;
    }

    public DateTime CreatedAt { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DateTime? RetiredAt { get; private set; }

    /// <summary>Changes with every change of this version, so that a stale editor cannot overwrite a newer save.</summary>
    public Guid EditStamp { get; private set; } = Guid.NewGuid();

    /// <summary>Starts a draft: version 1 of a new template unless a template key and version number are given.</summary>
    public static TemplateVersion CreateDraft(TemplateDefinition definition, DateTime now, Guid? templateKey = null, int versionNumber = 1)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (versionNumber < 1)
        {
            throw new DomainException("A template version number starts at 1.");
        }

        var clone = definition.Clone();
        return new TemplateVersion
        {
            Id = Guid.CreateVersion7(),
            TemplateKey = templateKey ?? Guid.CreateVersion7(),
            Name = clone.Name,
            VersionNumber = versionNumber,
            Status = TemplateStatus.Draft,
            _definition = clone,
            CreatedAt = now,
        };
    }

    /// <summary>Replaces the content of a draft with a copy of <paramref name="definition"/>; checks happen at publication.</summary>
    public void UpdateDefinition(TemplateDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (Status != TemplateStatus.Draft)
        {
            throw new DomainException(
                $"Version {VersionNumber} of \"{Name}\" is {Describe(Status)} and can no longer be edited; create a new version instead.");
        }

        _definition = definition.Clone();
        Name = _definition.Name;
        EditStamp = Guid.NewGuid();
    }

    public void Publish(DateTime now)
    {
        if (Status != TemplateStatus.Draft)
        {
            throw new DomainException($"Only a draft can be published; version {VersionNumber} of \"{Name}\" is {Describe(Status)}.");
        }

        var errors = TemplateValidator.Validate(_definition);
        if (errors.Count > 0)
        {
            var shown = string.Join(" ", errors.Take(ErrorsShownOnPublish).Select(e => TemplateErrorText.Sentence(e, _definition)));
            var more = errors.Count > ErrorsShownOnPublish ? $" And {errors.Count - ErrorsShownOnPublish} more." : "";
            throw new DomainException($"The template cannot be published until these problems are fixed: {shown}{more}");
        }

        Status = TemplateStatus.Published;
        PublishedAt = now;
        EditStamp = Guid.NewGuid();
    }

    public void Retire(DateTime now)
    {
        if (Status != TemplateStatus.Published)
        {
            throw new DomainException($"Only a published version can be retired; version {VersionNumber} of \"{Name}\" is {Describe(Status)}.");
        }

        Status = TemplateStatus.Retired;
        RetiredAt = now;
        EditStamp = Guid.NewGuid();
    }

    /// <summary>
    /// Checks that this version may be discarded, that is deleted: only a draft may. No assessment can use a draft
    /// (assessments start on a published version), so nothing refers to it; published and retired versions are kept for
    /// the assessments made with them.
    /// </summary>
    public void EnsureDiscardable()
    {
        if (Status != TemplateStatus.Draft)
        {
            throw new DomainException(Status == TemplateStatus.Published
                ? $"Version {VersionNumber} of \"{Name}\" is published, and only a draft can be discarded. Retire it to stop new assessments with it; it is kept for the assessments made with it."
                : $"Version {VersionNumber} of \"{Name}\" is retired, and only a draft can be discarded. It is kept for the assessments made with it.");
        }
    }

    /// <summary>Starts the next draft of this template from a copy of this version's content.</summary>
    public TemplateVersion NewVersion(int nextNumber, DateTime now)
    {
        if (Status == TemplateStatus.Draft)
        {
            throw new DomainException($"Version {VersionNumber} of \"{Name}\" is still a draft: edit it instead of starting a new version.");
        }

        if (nextNumber <= VersionNumber)
        {
            throw new DomainException($"The new version number must be above {VersionNumber}.");
        }

        return CreateDraft(_definition, now, TemplateKey, nextNumber);
    }

    /// <summary>"a draft", "published", "retired": a status as a sentence says it.</summary>
    private static string Describe(TemplateStatus status)
    {
        return status switch
        {
            TemplateStatus.Draft => "a draft",
            TemplateStatus.Published => "published",
            _ => "retired",
        };
    }
}
