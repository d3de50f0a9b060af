namespace DueDiligence.Domain.Scoring;

/// <summary>Finds the answer (or evidence entry) of each question, visited in template order.</summary>
/// <remarks>
/// Items usually arrive in template order, so a moving cursor matches them without hashing; the dictionary is
/// built only when the order breaks (an unanswered question, another order). It is also what detects a code
/// given twice, which <see cref="Finish"/> checks for items the cursor never reached.
/// </remarks>
internal sealed class CodeLookup<T>(IReadOnlyList<T> items, Func<T, string> codeOf, string what)
    where T : class
{
    private int _cursor;
    private Dictionary<string, T>? _byCode;

    public T? Find(string questionCode)
    {
        if (_byCode is null)
        {
            if (_cursor < items.Count && string.Equals(codeOf(items[_cursor]), questionCode, StringComparison.Ordinal))
            {
                return items[_cursor++];
            }

            _byCode = Index();
        }

        return _byCode.GetValueOrDefault(questionCode);
    }

    public void Finish()
    {
        if (_byCode is null && _cursor < items.Count)
        {
            _byCode = Index();
        }
    }

    private Dictionary<string, T> Index()
    {
        var index = new Dictionary<string, T>(items.Count, StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (!index.TryAdd(codeOf(item), item))
            {
                throw new ArgumentException($"More than one {what} for question '{codeOf(item)}'.", nameof(items));
            }
        }

        return index;
    }
}
