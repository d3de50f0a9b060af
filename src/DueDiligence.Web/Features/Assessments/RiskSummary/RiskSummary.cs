using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Scoring;
using DueDiligence.Web.Infrastructure.Risk;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Assessments.RiskSummary;

/// <summary>Everything the executive risk summary prints about one assessment, taken from what the assessment page shows.</summary>
public sealed record RiskSummary
{
    public required string SupplierName { get; init; }

    /// <summary>Category, HQ country and sites in one line, e.g. "Contract manufacturer · HQ China · sites Shenzhen (CN)".</summary>
    public required string SupplierProfile { get; init; }

    /// <summary>The IP we would share, e.g. "Tooling / moulds (4), Design files (4)".</summary>
    public required string ExposureProfile { get; init; }

    /// <summary>"IP risk in overseas manufacturing, version 1".</summary>
    public required string Questionnaire { get; init; }

    public required AssessmentStatus Status { get; init; }

    public required string AnalystName { get; init; }

    /// <summary>The score the app shows: the live score, or the decision snapshot once decided.</summary>
    public required ScoreResult Score { get; init; }

    public required ScoreBasis Basis { get; init; }

    /// <summary>Every country where the IP would be exposed, as the jurisdiction library rates it now.</summary>
    public required IReadOnlyList<ReportCountry> Countries { get; init; }

    public required IReadOnlyList<KnockOutRow> KnockOuts { get; init; }

    public required IReadOnlyList<Finding> Findings { get; init; }

    public required IReadOnlyList<ContractCondition> Conditions { get; init; }

    public required AssessmentDecision? Decision { get; init; }

    /// <summary>Legal's overall opinion from when it forwarded the assessment; null before it was forwarded.</summary>
    public required LegalOpinion? LegalOpinion { get; init; }

    /// <summary>The executives' sign-offs that count towards the decision (or towards the one awaited), oldest first.</summary>
    public required IReadOnlyList<DecisionSignOff> SignOffs { get; init; }

    /// <summary>The workflow history, oldest first.</summary>
    public required IReadOnlyList<AssessmentTransition> Transitions { get; init; }

    /// <summary>Every question of the questionnaire snapshot with its answer, section by section.</summary>
    public required IReadOnlyList<AnswerSection> Answers { get; init; }

    /// <summary>Every evidence file, in questionnaire order.</summary>
    public required IReadOnlyList<EvidenceFile> Evidence { get; init; }

    /// <summary>Our IP rights in the supplier's exposure countries and their gaps (the "Protections in place" page).</summary>
    public required ProtectionsInPlace Protections { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The supplier's agreements and flagged file releases; null where a summary is built without them.</summary>
    public Agreements.AgreementsReport? Agreements { get; init; }

    /// <summary>The title in the PDF's metadata and in the header of every page.</summary>
    public string Title => $"Executive risk summary — {SupplierName}";

    /// <summary>Not decided yet: the figures may still change, and every page says so.</summary>
    public bool IsDraft => Decision is null;
}

/// <summary>Which score a report shows: the live one (it may still change) or the one the decision was taken on.</summary>
/// <param name="TakenAtUtc">When the decision snapshot was taken; null for a live score.</param>
public sealed record ScoreBasis(bool IsLive, DateOnly AsOf, DateTime? TakenAtUtc)
{
    public string Describe() => IsLive
        ? $"Live score as of {IsoDates.Day(AsOf)}: it changes with the answers, evidence and ratings until the assessment is decided."
        : $"Decided score: the snapshot taken at the decision on {IsoDates.Moment(TakenAtUtc ?? default)}, as of {IsoDates.Day(AsOf)}; later changes do not alter it.";
}

/// <summary>A country of the jurisdiction panel: its current risk, what it is to the supplier, and whether it drives the score's J.</summary>
public sealed record ReportCountry(CountryRisk Country, string Role, bool DrivesScore);

/// <summary>A triggered knock-out with its waiver, when there is one.</summary>
public sealed record KnockOutRow(KnockOutHit Hit, KnockOutWaiver? Waiver);

/// <summary>A section of the answers appendix: its score and every question in template order.</summary>
public sealed record AnswerSection(string Code, string Title, double Weight, double? Score, IReadOnlyList<AnswerRow> Rows);

/// <summary>One question of the answers appendix: the answer in words and how it was credited.</summary>
public sealed record AnswerRow(QuestionScore Question, string Answer, string? Comment, string? EvidenceJustification, int EvidenceFiles, string? GivenByContact = null);
