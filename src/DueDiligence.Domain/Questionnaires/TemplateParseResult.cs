using System.Diagnostics.CodeAnalysis;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>The outcome of reading template JSON: a definition, or the problems found, each with its JSON path.</summary>
public sealed class TemplateParseResult
{
    private TemplateParseResult(TemplateDefinition? definition, TemplateDefinition partial, IReadOnlyList<TemplateError> errors)
    {
        Definition = definition;
        Partial = partial;
        Errors = errors;
    }

    public TemplateDefinition? Definition { get; }

    /// <summary>As much of the template as could be read, even when it failed: it names the sections and questions that errors point into.</summary>
    public TemplateDefinition Partial { get; }

    /// <summary>Problems with paths such as <c>$.sections[1].questions[3].weight</c>; empty on success.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }

    [MemberNotNullWhen(true, nameof(Definition))]
    public bool Succeeded => Definition is not null;

    internal static TemplateParseResult Success(TemplateDefinition definition)
    {
        return new(definition, definition, []);
    }

    internal static TemplateParseResult Failed(TemplateDefinition partial, IReadOnlyList<TemplateError> errors)
    {
        return new(null, partial, errors);
    }
}
