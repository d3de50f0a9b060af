namespace DueDiligence.Domain.Assessments;

/// <summary>The assessment cannot be submitted yet; <see cref="Missing"/> lists every question still to complete.</summary>
public sealed class SubmissionIncompleteException(IReadOnlyList<MissingItem> missing) : Exception(Describe(missing))
{
    private const int ItemsInMessage = 5;

    public IReadOnlyList<MissingItem> Missing { get; } = missing;

    private static string Describe(IReadOnlyList<MissingItem> missing)
    {
        var items = missing.Count == 1 ? "1 item is" : $"{missing.Count} items are";
        var shown = string.Join(" ", missing.Take(ItemsInMessage).Select(static m => m.Message));
        var more = missing.Count > ItemsInMessage ? $" And {missing.Count - ItemsInMessage} more." : "";
        return $"The assessment cannot be submitted yet: {items} missing. {shown}{more}";
    }
}
