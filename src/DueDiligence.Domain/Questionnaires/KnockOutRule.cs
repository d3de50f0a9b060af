namespace DueDiligence.Domain.Questionnaires;

/// <summary>The answers of a question that make the supplier unacceptable whatever the score; exactly one kind is set.</summary>
public sealed class KnockOutRule
{
    /// <summary>Yes/No questions: the raw answer (not the rating) that knocks out.</summary>
    public bool? YesNo { get; set; }

    /// <summary>Choice questions: choosing any of these option codes knocks out.</summary>
    public List<string> Options { get; set; } = [];

    /// <summary>Maturity questions: a level at or below this one knocks out.</summary>
    public int? MaturityAtOrBelow { get; set; }

    /// <summary>Date questions: a date on or before the as-of date (e.g. an expired certificate) knocks out.</summary>
    public bool DateOnOrBeforeAsOf { get; set; }

    public KnockOutRule Clone()
    {
        return new KnockOutRule
        {
            YesNo = YesNo,
            Options = [.. Options],
            MaturityAtOrBelow = MaturityAtOrBelow,
            DateOnOrBeforeAsOf = DateOnOrBeforeAsOf,
        };
    }
}
