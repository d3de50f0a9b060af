namespace DueDiligence.Domain.Common;

/// <summary>Guards for user-entered text: trimmed, required where it must be, never longer than the column.</summary>
public static class Text
{
    public static string Required(string? value, string messageWhenMissing, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            throw new DomainException(messageWhenMissing);
        }

        return Limit(trimmed, maxLength);
    }

    public static string? Optional(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : Limit(trimmed, maxLength);
    }

    private static string Limit(string value, int maxLength) =>
        value.Length <= maxLength ? value : throw new DomainException($"“{value[..Math.Min(40, value.Length)]}…” is longer than {maxLength} characters.");
}
