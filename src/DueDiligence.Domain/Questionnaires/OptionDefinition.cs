namespace DueDiligence.Domain.Questionnaires;

/// <summary>One choice of a single- or multiple-choice question and the points (0–1) it earns.</summary>
public sealed class OptionDefinition
{
    public string Code { get; set; } = "";

    public string Label { get; set; } = "";

    public double Points { get; set; }

    public OptionDefinition Clone()
    {
        return new OptionDefinition { Code = Code, Label = Label, Points = Points };
    }
}
