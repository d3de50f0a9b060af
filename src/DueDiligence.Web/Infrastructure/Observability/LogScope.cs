using System.Collections;

namespace DueDiligence.Web.Infrastructure.Observability;

/// <summary>A log scope of one named value: a JSON line carries it as a field, a readable line as "Key:value".</summary>
internal sealed class LogScope(string key, string value) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] => index == 0 ? new(key, value) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{key}:{value}";
}
