namespace DueDiligence.Domain.Questionnaires;

/// <summary>The content of a questionnaire template: plain data that the editor binds to and JSON stores.</summary>
public sealed class TemplateDefinition
{
    public string Name { get; set; } = "";

    public string Description { get; set; } = "";

    public List<SectionDefinition> Sections { get; set; } = [];

    /// <summary>A deep copy: changing the copy never changes this definition.</summary>
    public TemplateDefinition Clone()
    {
        return new TemplateDefinition
        {
            Name = Name,
            Description = Description,
            Sections = Sections.ConvertAll(static s => s.Clone()),
        };
    }
}
