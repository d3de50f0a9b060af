using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Web.Client.Assessments;

/// <summary>
/// The draft as the browser's wizard holds it: read once (<see cref="DraftScreen"/>), then kept up to date with what each
/// save answers — an answer, a file, a confirmed section — and scored again in memory after each, with the Domain's own
/// rules (<see cref="DraftScore"/>). Nothing is read again.
/// </summary>
public sealed class DraftSession
{
    private readonly DraftScreen screen;
    private readonly IReadOnlyList<Domain.Jurisdictions.JurisdictionRiskResult> risks;

    public DraftSession(DraftScreen screen)
    {
        ArgumentNullException.ThrowIfNull(screen);
        this.screen = screen;
        risks = [.. screen.Countries.Select(c => c.Risk)];
        Assessment = Assessment.FromCopy(screen.Assessment);
        (Score, Missing) = DraftScore.Of(Assessment, screen.MaxSensitivity, risks, screen.Today);
    }

    public Assessment Assessment { get; }

    public ScoreResult Score { get; private set; }

    public IReadOnlyList<MissingItem> Missing { get; private set; }

    public IReadOnlyList<CountryLine> Countries => screen.Countries;

    public void AnswerSaved(AnswerInput input, SavedAnswer saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        Assessment.ApplySavedAnswer(input, saved.SavedBy, saved.SavedAtUtc, saved.Version);
        Rescore();
    }

    public void EvidenceSaved(EvidenceCopy file)
    {
        Assessment.ApplySavedEvidence(file);
        Rescore();
    }

    public void SectionConfirmed(CarriedSectionCopy section)
    {
        Assessment.ApplyConfirmedSection(section);
        Rescore();
    }

    /// <summary>What the server found still missing when it refused a submission (it may know of an expiry the browser's date does not).</summary>
    public void StillMissing(IReadOnlyList<MissingItem> missing) => Missing = missing;

    private void Rescore() => (Score, Missing) = DraftScore.Of(Assessment, screen.MaxSensitivity, risks, screen.Today);
}
