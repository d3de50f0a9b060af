namespace DueDiligence.Domain.Questionnaires;

/// <summary>
/// A problem in a template, located by a path such as <c>sections[1].questions[3].weight</c>. The message is a sentence
/// for the template's author; <see cref="TemplateErrorText"/> puts the place in words before it. A file hint, when
/// there is one, says how the file itself spells what is asked (shown in small print after the sentence).
/// </summary>
public sealed record TemplateError(string Path, string Message, string? FileHint = null)
{
    public override string ToString()
    {
        return $"{Path}: {Message}";
    }
}
