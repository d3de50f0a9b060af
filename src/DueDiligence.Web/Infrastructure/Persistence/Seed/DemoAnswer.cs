using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>A demo answer before it is given to a question; a date answer counts in days from the day it is given.</summary>
internal sealed record DemoAnswer
{
    public static DemoAnswer Yes { get; } = new() { YesNo = true };

    public static DemoAnswer No { get; } = new() { YesNo = false };

    public static DemoAnswer NotApplicable { get; } = new() { IsNotApplicable = true };

    public bool IsNotApplicable { get; init; }

    public bool? YesNo { get; init; }

    public int? Maturity { get; init; }

    public IReadOnlyList<string> OptionCodes { get; init; } = [];

    public double? Number { get; init; }

    public int? DateInDays { get; init; }

    public string? Text { get; init; }

    public double? ManualRating { get; init; }

    public string? Comment { get; init; }

    public static DemoAnswer Level(int maturity) => new() { Maturity = maturity };

    public static DemoAnswer Options(params string[] codes) => new() { OptionCodes = codes };

    public static DemoAnswer Amount(double number) => new() { Number = number };

    public static DemoAnswer DateIn(int days) => new() { DateInDays = days };

    public static DemoAnswer Described(string text, double rating) => new() { Text = text, ManualRating = rating };

    public AnswerInput ToInput(string questionCode, DateOnly answeredOn, string? evidenceJustification) => new()
    {
        QuestionCode = questionCode,
        NotApplicable = IsNotApplicable,
        YesNo = YesNo,
        Maturity = Maturity,
        OptionCodes = OptionCodes,
        Number = Number,
        Date = DateInDays is { } days ? answeredOn.AddDays(days) : null,
        Text = Text,
        ManualRating = ManualRating,
        Comment = Comment,
        EvidenceJustification = evidenceJustification,
    };
}
