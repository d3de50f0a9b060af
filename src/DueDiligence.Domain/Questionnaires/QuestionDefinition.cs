namespace DueDiligence.Domain.Questionnaires;

/// <summary>One weighted question of a template section, with how its answers are rated.</summary>
public sealed class QuestionDefinition
{
    public string Code { get; set; } = "";

    public string Text { get; set; } = "";

    public QuestionType Type { get; set; }

    public double Weight { get; set; } = 1;

    public bool Required { get; set; }

    public bool AllowNotApplicable { get; set; }

    public bool EvidenceRequired { get; set; }

    /// <summary>Yes/No only: "Yes" is the weak answer (e.g. "IP litigation as defendant?").</summary>
    public bool Inverted { get; set; }

    public string Guidance { get; set; } = "";

    /// <summary>What to recommend to the supplier when the answer is weak.</summary>
    public string Mitigation { get; set; } = "";

    /// <summary>Standards the question traces to, e.g. "ISO/IEC 27001:2022 A.5.20".</summary>
    public List<string> References { get; set; } = [];

    public List<OptionDefinition> Options { get; set; } = [];

    public List<NumberBand> Bands { get; set; } = [];

    /// <summary>Number questions: the unit shown next to the value, e.g. "years".</summary>
    public string? Unit { get; set; }

    public KnockOutRule? KnockOut { get; set; }

    public QuestionDefinition Clone()
    {
        return new QuestionDefinition
        {
            Code = Code,
            Text = Text,
            Type = Type,
            Weight = Weight,
            Required = Required,
            AllowNotApplicable = AllowNotApplicable,
            EvidenceRequired = EvidenceRequired,
            Inverted = Inverted,
            Guidance = Guidance,
            Mitigation = Mitigation,
            References = [.. References],
            Options = Options.ConvertAll(static o => o.Clone()),
            Bands = Bands.ConvertAll(static b => b.Clone()),
            Unit = Unit,
            KnockOut = KnockOut?.Clone(),
        };
    }
}
