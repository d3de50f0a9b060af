namespace DueDiligence.Domain.Common;

/// <summary>An ISO 3166-1 alpha-2 country code, upper case, known to <see cref="Countries"/>.</summary>
public readonly record struct CountryCode
{
    private CountryCode(string value) => Value = value;

    public string Value { get; }

    public string Name => Countries.NameOf(Value);

    public static CountryCode Parse(string? code) =>
        TryParse(code, out var parsed)
            ? parsed
            : throw new DomainException($"“{code}” is not an ISO 3166-1 alpha-2 country code (two letters, e.g. CN, VN, DE).");

    public static bool TryParse(string? code, out CountryCode parsed)
    {
        var normalised = code?.Trim().ToUpperInvariant();
        if (Countries.IsKnown(normalised))
        {
            parsed = new CountryCode(normalised!);
            return true;
        }

        parsed = default;
        return false;
    }

    public override string ToString() => Value;
}
