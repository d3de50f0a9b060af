using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// Which sections of the editor are expanded and which one question is, so that a template of 50+ questions stays
/// readable. Keyed by the objects themselves, so reordering keeps what is open.
/// </summary>
public sealed class TemplateEditorLayout
{
    private readonly HashSet<SectionDefinition> _openSections = [];

    public QuestionDefinition? OpenQuestion { get; private set; }

    public bool IsOpen(SectionDefinition section) => _openSections.Contains(section);

    public bool IsOpen(QuestionDefinition question) => ReferenceEquals(OpenQuestion, question);

    public void Toggle(SectionDefinition section)
    {
        if (!_openSections.Remove(section))
        {
            _openSections.Add(section);
        }
    }

    public void Open(SectionDefinition section) => _openSections.Add(section);

    /// <summary>Opens the question (closing the one open before) or closes it when it is the open one.</summary>
    public void Toggle(SectionDefinition section, QuestionDefinition question)
    {
        OpenQuestion = IsOpen(question) ? null : question;
        _openSections.Add(section);
    }

    public void Open(SectionDefinition section, QuestionDefinition question)
    {
        OpenQuestion = question;
        _openSections.Add(section);
    }

    /// <summary>Opens the section and question an error path points into.</summary>
    public void Show(string path, TemplateDefinition template)
    {
        var (s, q) = TemplatePath.Locate(path);
        if (s is not { } sectionIndex || sectionIndex >= template.Sections.Count)
        {
            return;
        }

        var section = template.Sections[sectionIndex];
        if (q is { } questionIndex && questionIndex < section.Questions.Count)
        {
            Open(section, section.Questions[questionIndex]);
        }
        else
        {
            Open(section);
        }
    }
}
