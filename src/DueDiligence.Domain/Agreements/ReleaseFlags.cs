namespace DueDiligence.Domain.Agreements;

/// <summary>The supplier's latest assessment as the release check needs it.</summary>
/// <param name="HasDecision">The supplier has a decided assessment.</param>
/// <param name="HasUnwaivedKnockOut">Its latest assessment triggers a knock-out nobody waived.</param>
public sealed record SupplierStanding(bool HasDecision, bool HasUnwaivedKnockOut);

/// <summary>
/// What is wrong with a release: files that left before the covering NDA/NNN was signed (or with none), crown jewels
/// (sensitivity 5) sent to a supplier with an unwaived knock-out or no decision, and a return that is overdue.
/// The covering agreement is the one named on the release when it is an NDA or NNN, else the supplier's first-signed
/// NDA or NNN. A release on the day of signature is covered; a return is overdue from the day after its date.
/// </summary>
public static class ReleaseFlags
{
    public static IReadOnlyList<string> Of(FileRelease release, IReadOnlyList<Agreement> agreements, SupplierStanding standing, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(agreements);
        ArgumentNullException.ThrowIfNull(standing);
        var flags = new List<string>();
        var covering = Covering(release, agreements);
        if (covering is null)
        {
            flags.Add("Released with no NDA or NNN on record.");
        }
        else if (!covering.IsSignedBy(release.ReleasedOn))
        {
            flags.Add(covering.SignedOn is { } signed
                ? $"Released on {release.ReleasedOn:yyyy-MM-dd}, before “{covering.Title}” was signed on {signed:yyyy-MM-dd}."
                : $"Released while “{covering.Title}” is not signed.");
        }

        if (release.Sensitivity == 5)
        {
            if (standing.HasUnwaivedKnockOut)
            {
                flags.Add("Sensitivity 5 released to a supplier whose latest assessment has a knock-out nobody waived.");
            }
            else if (!standing.HasDecision)
            {
                flags.Add("Sensitivity 5 released to a supplier with no decision.");
            }
        }

        if (release is { ReturnedOn: null, ReturnOrDestroyBy: { } due } && due < today)
        {
            flags.Add($"Return or destruction overdue since {due:yyyy-MM-dd}.");
        }

        return flags;
    }

    private static Agreement? Covering(FileRelease release, IReadOnlyList<Agreement> agreements)
    {
        var named = agreements.FirstOrDefault(a => a.Id == release.AgreementId);
        if (named is not null && named.Kind.IsConfidentiality())
        {
            return named;
        }

        var confidentiality = agreements.Where(a => a.Kind.IsConfidentiality()).ToList();
        return confidentiality.Where(a => a.SignedOn is not null).MinBy(a => a.SignedOn) ?? confidentiality.FirstOrDefault();
    }
}
