namespace DueDiligence.Domain.Questionnaires;

/// <summary>A band of a number question: values up to and including <see cref="UpTo"/> earn <see cref="Points"/>.</summary>
public sealed class NumberBand
{
    /// <summary>Inclusive upper bound; null for the open-ended last band.</summary>
    public double? UpTo { get; set; }

    public double Points { get; set; }

    public NumberBand Clone()
    {
        return new NumberBand { UpTo = UpTo, Points = Points };
    }
}
