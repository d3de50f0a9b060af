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
    }

    /// <summary>The version the saved copy of this answer has.</summary>
    internal void TakeVersion(Guid version) => Version = version;
}
