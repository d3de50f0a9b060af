using System.Text.Json;

using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>The saved answer to one question of an assessment, exactly as given, with who saved it last.</summary>
public sealed class AssessmentAnswer
{
    private AssessmentAnswer()
    {
    }

    internal AssessmentAnswer(string questionCode)
    {
        Id = Guid.CreateVersion7();
        QuestionCode = questionCode;
    }

    public Guid Id { get; private set; }

    public string QuestionCode { get; private set; } = "";

    public bool NotApplicable { get; private set; }

    public bool? YesNo { get; private set; }

    public int? Maturity { get; private set; }

    /// <summary>The chosen option codes as a JSON array, the form they are stored in; read <see cref="OptionCodes"/>.</summary>
    /// <remarks>JSON rather than a separator character, because a template may use any character in an option code.</remarks>
    public string OptionCodesJson { get; private set; } = "[]";

    public IReadOnlyList<string> OptionCodes => JsonSerializer.Deserialize<string[]>(OptionCodesJson) ?? [];

    public double? Number { get; private set; }

    public DateOnly? Date { get; private set; }

    public string? Text { get; private set; }

    public double? ManualRating { get; private set; }

    public string? Comment { get; private set; }

    /// <summary>Why there is no evidence; stands in for evidence when the assessment is submitted.</summary>
    public string? EvidenceJustification { get; private set; }

    public string UpdatedById { get; private set; } = "";

    public string UpdatedByName { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    /// <summary>Changes on every save of this question; a save that started from an older version is refused.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    /// <summary>The supplier contact who gave this answer through the portal; null when someone of ours gave it.</summary>
    public string? GivenByContact { get; private set; }

    /// <summary>When the analyst accepted the supplier's answer; until then it does not count (SCORING.md §2).</summary>
    public DateTime? AcceptedAtUtc { get; private set; }

    public string? AcceptedByName { get; private set; }

    /// <summary>Given by a supplier contact and not yet accepted by the analyst: shown, but not counted.</summary>
    public bool AwaitsAcceptance => GivenByContact is not null && AcceptedAtUtc is null;

    /// <summary>False once the answer has been cleared (a comment or justification may remain).</summary>
    public bool HasValue => NotApplicable || YesNo.HasValue || Maturity.HasValue || OptionCodesJson != "[]"
        || Number.HasValue || Date.HasValue || Text is not null || ManualRating.HasValue;

    /// <summary>The answer as the scoring engine reads it.</summary>
    public Answer ToScoringAnswer() => new()
    {
        QuestionCode = QuestionCode,
        NotApplicable = NotApplicable,
        YesNo = YesNo,
        Maturity = Maturity,
        OptionCodes = OptionCodes,
        Number = Number,
        Date = Date,
        Text = Text,
        ManualRating = ManualRating,
        Comment = Comment,
    };

    /// <summary>Stores a value already checked against the question by <see cref="AnswerValidation"/>.</summary>
    internal void Record(AnswerInput value, Actor actor, DateTime nowUtc)
    {
        NotApplicable = value.NotApplicable;
        YesNo = value.YesNo;
        Maturity = value.Maturity;
        OptionCodesJson = JsonSerializer.Serialize(value.OptionCodes);
        Number = value.Number;
        Date = value.Date;
        Text = value.Text;
        ManualRating = value.ManualRating;
        Comment = value.Comment;
        EvidenceJustification = value.EvidenceJustification;
        UpdatedById = actor.Id;
        UpdatedByName = actor.Name;
        UpdatedAtUtc = nowUtc;
        Version = Guid.NewGuid();
        GivenByContact = null;
        AcceptedAtUtc = null;
        AcceptedByName = null;
    }

    /// <summary>Marks the value just recorded as given by a supplier contact: it counts once the analyst accepts it.</summary>
    internal void MarkGivenBy(string contactName) => GivenByContact = contactName;

    internal void Accept(Actor actor, DateTime nowUtc)
    {
        if (!AwaitsAcceptance)
        {
            throw new Common.DomainException(GivenByContact is null
                ? $"The answer to {QuestionCode} was not given by the supplier; there is nothing to accept."
                : $"The answer to {QuestionCode} was already accepted by {AcceptedByName}.");
        }

        AcceptedAtUtc = nowUtc;
        AcceptedByName = actor.Name;
        Version = Guid.NewGuid();
    }

    /// <summary>The version the saved copy of this answer has.</summary>
    internal void TakeVersion(Guid version) => Version = version;
}
