namespace DueDiligence.Domain.Questionnaires;

/// <summary>A problem in a template, located by a path such as <c>sections[1].questions[3].weight</c>.</summary>
public sealed record TemplateError(string Path, string Message)
{
    public override string ToString()
    {
        return $"{Path}: {Message}";
    }
}
