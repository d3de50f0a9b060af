using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.TestSupport;

/// <summary>Runs the engine with sensible defaults: as of 2026-03-01, sensitivity 5, one country with J = 50.</summary>
internal static class Scores
{
    public static readonly DateOnly AsOf = new(2026, 3, 1);

    public static ScoringInput Input(TemplateDefinition template, params Answer[] answers)
    {
        return new ScoringInput
        {
            Template = template,
            Answers = answers,
            MaxSensitivity = 5,
            Jurisdictions = [Country("CN", 50)],
            AsOf = AsOf,
        };
    }

    public static ScoreResult Of(TemplateDefinition template, params Answer[] answers)
    {
        return ScoringEngine.Score(Input(template, answers));
    }

    /// <summary>The score of the only question of a one-question template.</summary>
    public static QuestionScore OfQuestion(QuestionDefinition question, Answer? answer, IReadOnlyList<EvidenceState>? evidence = null, ScoringPolicy? policy = null)
    {
        var input = Input(Templates.Single(question), answer is null ? [] : [answer]) with
        {
            Evidence = evidence ?? [],
            Policy = policy ?? ScoringPolicy.Default,
        };
        return ScoringEngine.Score(input).Sections[0].Questions[0];
    }

    public static JurisdictionRiskResult Country(string code, double value, JurisdictionRiskSource source = JurisdictionRiskSource.Baseline)
    {
        return new JurisdictionRiskResult
        {
            CountryCode = code,
            Value = value,
            Source = source,
            Level = ScoringPolicy.Default.JurisdictionLevelFor(value),
        };
    }
}
