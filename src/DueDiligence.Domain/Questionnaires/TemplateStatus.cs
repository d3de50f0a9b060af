namespace DueDiligence.Domain.Questionnaires;

/// <summary>Where a template version is in its life: only drafts change, only published versions are used.</summary>
public enum TemplateStatus
{
    Draft,
    Published,
    Retired,
}
