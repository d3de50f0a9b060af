using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>
/// A section of a reassessment that holds answers or evidence carried forward from the previous assessment: the analyst
/// confirms that they are still accurate before the reassessment can be submitted.
/// </summary>
public sealed class CarriedSection
{
    private CarriedSection()
    {
    }

    internal CarriedSection(string sectionCode, int carriedAnswers, int carriedEvidence)
    {
        Id = Guid.CreateVersion7();
        SectionCode = sectionCode;
        CarriedAnswers = carriedAnswers;
        CarriedEvidence = carriedEvidence;
    }

    public Guid Id { get; private set; }

    public string SectionCode { get; private set; } = "";

    /// <summary>How many answers came over into this section.</summary>
    public int CarriedAnswers { get; private set; }

    /// <summary>How many evidence files came over into this section (as links to the earlier files).</summary>
    public int CarriedEvidence { get; private set; }

    public string? ConfirmedById { get; private set; }

    public string? ConfirmedByName { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public bool IsConfirmed => ConfirmedAtUtc.HasValue;

    internal void Confirm(Actor actor, DateTime nowUtc)
    {
        if (IsConfirmed)
        {
            throw new DomainException($"This section was already confirmed by {ConfirmedByName} at {AssessmentWording.Date(ConfirmedAtUtc!.Value)}.");
        }

        ConfirmedById = actor.Id;
        ConfirmedByName = actor.Name;
        ConfirmedAtUtc = nowUtc;
    }
}
