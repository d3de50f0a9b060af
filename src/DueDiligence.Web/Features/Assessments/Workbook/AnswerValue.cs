using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Assessments.Workbook;

/// <summary>The value of an answer without its comment, as the workbook's answer cell carries it.</summary>
internal sealed record AnswerValue
{
    public static readonly AnswerValue None = new();

    public bool NotApplicable { get; init; }

    public bool? YesNo { get; init; }

    public int? Maturity { get; init; }

    public IReadOnlyList<string> OptionCodes { get; init; } = [];

    public double? Number { get; init; }

    public DateOnly? Date { get; init; }

    public string? Text { get; init; }

    public static AnswerValue Of(AssessmentAnswer? answer) => answer is null ? None : new()
    {
        NotApplicable = answer.NotApplicable,
        YesNo = answer.YesNo,
        Maturity = answer.Maturity,
        OptionCodes = answer.OptionCodes,
        Number = answer.Number,
        Date = answer.Date,
        Text = answer.Text,
    };

    public bool IsEmpty => Matches(None);

    /// <summary>
    /// The same answer: options in any order, text as the app stores it (trimmed, either line ending), so that a
    /// workbook read back unchanged matches what was saved.
    /// </summary>
    public bool Matches(AnswerValue other) =>
        NotApplicable == other.NotApplicable && YesNo == other.YesNo && Maturity == other.Maturity
        && OptionCodes.Order(StringComparer.Ordinal).SequenceEqual(other.OptionCodes.Order(StringComparer.Ordinal))
        && Number == other.Number && Date == other.Date && SameText(Text, other.Text);

    public static bool SameText(string? a, string? b) => string.Equals(Normal(a), Normal(b), StringComparison.Ordinal);

    /// <summary>
    /// The answer to save: this value and <paramref name="comment"/>; what the workbook does not carry (the evidence
    /// justification and our manual rating) stays as it was.
    /// </summary>
    public AnswerInput ToInput(string questionCode, string? comment, AssessmentAnswer? current) => new()
    {
        QuestionCode = questionCode,
        NotApplicable = NotApplicable,
        YesNo = YesNo,
        Maturity = Maturity,
        OptionCodes = OptionCodes,
        Number = Number,
        Date = Date,
        Text = Text,
        Comment = comment,
        ManualRating = NotApplicable ? null : current?.ManualRating,
        EvidenceJustification = current?.EvidenceJustification,
    };

    private static string? Normal(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
