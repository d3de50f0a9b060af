using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>The validator's errors of the template being edited, looked up by the path of the field they concern.</summary>
public sealed class TemplateErrorIndex(IReadOnlyList<TemplateError> errors)
{
    public IReadOnlyList<TemplateError> All { get; } = errors;

    public int Count => All.Count;

    /// <summary>The messages about exactly this path.</summary>
    public IEnumerable<string> At(string path) => All.Where(e => e.Path == path).Select(e => e.Message);

    /// <summary>Whether anything is wrong with exactly this field (its input then shows as in error).</summary>
    public bool Has(string path) => All.Any(e => e.Path == path);

    /// <summary>How many errors concern this path or anything inside it (a section's questions, a question's options…).</summary>
    public int CountWithin(string path) => All.Count(e => IsWithin(e.Path, path));

    /// <summary>The errors inside <paramref name="path"/>, for a box (such as the knock-out rule) that shows them together.</summary>
    public IEnumerable<string> Within(string path) => All.Where(e => IsWithin(e.Path, path)).Select(e => e.Message);

    private static bool IsWithin(string errorPath, string path) =>
        errorPath.StartsWith(path, StringComparison.Ordinal)
        && (errorPath.Length == path.Length || errorPath[path.Length] is '.' or '[');
}
