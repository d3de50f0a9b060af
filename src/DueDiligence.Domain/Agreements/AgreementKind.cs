namespace DueDiligence.Domain.Agreements;

/// <summary>What an agreement with a supplier is.</summary>
public enum AgreementKind
{
    Nda,
    Nnn,
    Msa,
    ToolingAgreement,
    QualityAgreement,
    Other,
}

/// <summary>A set of agreement kinds: those in which a clause of the library is expected.</summary>
[Flags]
public enum AgreementKinds
{
    None = 0,
    Nda = 1,
    Nnn = 2,
    Msa = 4,
    ToolingAgreement = 8,
    QualityAgreement = 16,
    Other = 32,
}

/// <summary>Between one kind and the set of kinds.</summary>
public static class AgreementKindSets
{
    public static AgreementKinds Of(AgreementKind kind) => (AgreementKinds)(1 << (int)kind);

    public static bool Includes(this AgreementKinds set, AgreementKind kind) => (set & Of(kind)) != 0;

    public static IReadOnlyList<AgreementKind> Members(this AgreementKinds set) =>
        Enum.GetValues<AgreementKind>().Where(kind => set.Includes(kind)).ToList();

    public static AgreementKinds From(IEnumerable<AgreementKind> kinds) =>
        kinds.Aggregate(AgreementKinds.None, (set, kind) => set | Of(kind));

    /// <summary>An NDA or an NNN: the agreements that cover a release of our files.</summary>
    public static bool IsConfidentiality(this AgreementKind kind) => kind is AgreementKind.Nda or AgreementKind.Nnn;
}
