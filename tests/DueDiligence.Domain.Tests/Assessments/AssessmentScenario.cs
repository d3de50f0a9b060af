using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Assessments;

/// <summary>A small published questionnaire, the people who work on an assessment, and assessments brought to each status.</summary>
/// <remarks>
/// Section A (weight 60): q1 Yes/No, weight 2, required, evidence required, knock-out on No; q2 maturity, required.
/// Section B (weight 40): q3 single choice a 0.25 / b 1 / c 0, required, knock-out on c; q4 multiple choice, q5 number,
/// q6 date (knock-out when expired) and q7 text — all optional and N/A allowed. Answered q1 Yes with unverified evidence,
/// q2 level 2, q3 a and q4–q6 N/A, it reproduces the worked example of SCORING.md §9.
/// </remarks>
internal static class AssessmentScenario
{
    public const string Sha256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public static readonly DateTime Started = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Started);
    public static readonly Guid SupplierId = Guid.Parse("0195a7d0-0000-7000-8000-000000000001");

    public static readonly Actor Analyst = new("u-analyst", "Ana Analyst");
    public static readonly Actor OtherAnalyst = new("u-analyst-2", "Bo Buyer");
    public static readonly Actor Legal = new("u-legal", "Lee Legal");
    public static readonly Actor Executive = new("u-executive", "Eve Executive");
    public static readonly Actor OtherExecutive = new("u-executive-2", "Olu Officer");

    /// <summary>What legal says when it forwards an assessment in these tests.</summary>
    public const string LegalOpinionText = "No blocking issue found; proceed on the recorded conditions.";

    /// <summary>Minutes after the assessment was started.</summary>
    public static DateTime At(int minutes) => Started.AddMinutes(minutes);

    public static TemplateDefinition Definition()
    {
        return new TemplateDefinition
        {
            Name = "IP due diligence (test)",
            Sections =
            [
                Templates.Section("A", 60,
                    Templates.YesNo("q1", 2).With(q =>
                    {
                        q.Text = "Is a signed NDA in place?";
                        q.EvidenceRequired = true;
                        q.KnockOut = new KnockOutRule { YesNo = false };
                    }),
                    Templates.Maturity("q2").With(q => q.Text = "How mature is access control?")),
                Templates.Section("B", 40,
                    Templates.SingleChoice("q3", 1, ("a", 0.25), ("b", 1), ("c", 0)).With(q =>
                    {
                        q.Text = "Who owns improvements?";
                        q.KnockOut = new KnockOutRule { Options = ["c"] };
                    }),
                    Optional(Templates.MultipleChoice("q4", 1, ("x", 0.5), ("y", 0.5), ("z", 0.25))),
                    Optional(Templates.Number("q5", 1, (2, 0), (5, 0.5), (null, 1))),
                    Optional(Templates.Date("q6")).With(q => q.KnockOut = new KnockOutRule { DateOnOrBeforeAsOf = true }),
                    Optional(Templates.Text("q7"))),
            ],
        };
    }

    public static TemplateVersion Published(TemplateDefinition? definition = null)
    {
        var version = TemplateVersion.CreateDraft(definition ?? Definition(), Started.AddDays(-30));
        version.Publish(Started.AddDays(-29));
        return version;
    }

    public static Assessment NewDraft(TemplateDefinition? definition = null)
    {
        return Assessment.Start(SupplierId, Published(definition), Analyst, Started);
    }

    /// <summary>A draft that can be submitted: q1 Yes with a current NDA on file, q2 level 2, q3 "a".</summary>
    public static Assessment CompletedDraft()
    {
        var assessment = NewDraft();
        Save(assessment, Input("q1") with { YesNo = true });
        Save(assessment, Input("q2") with { Maturity = 2 });
        Save(assessment, Input("q3") with { OptionCodes = ["a"] });
        assessment.AttachEvidence(Upload("q1"), Analyst, At(1));
        return assessment;
    }

    /// <summary>A completed assessment taken through the workflow to <paramref name="status"/>; Decided means approved.</summary>
    public static Assessment InStatus(AssessmentStatus status)
    {
        var assessment = CompletedDraft();
        if (status == AssessmentStatus.Draft)
        {
            return assessment;
        }

        assessment.Submit(ScoreOf(assessment, At(10)), Analyst, At(10));
        if (status == AssessmentStatus.Submitted)
        {
            return assessment;
        }

        assessment.StartLegalReview(Legal, At(20));
        if (status == AssessmentStatus.LegalReview)
        {
            return assessment;
        }

        assessment.ForwardToDecision(LegalOpinionText, Legal, At(30));
        if (status == AssessmentStatus.AwaitingDecision)
        {
            return assessment;
        }

        assessment.DecideAlone(DecisionOutcome.Approved, "Controls are adequate for the design files we share.", ScoreOf(assessment, At(40)),
            Today.AddMonths(12), Executive, At(40));
        return assessment;
    }

    public static AnswerInput Input(string questionCode) => new() { QuestionCode = questionCode };

    /// <summary>Saves an answer as someone who has seen the current one.</summary>
    public static AssessmentAnswer Save(Assessment assessment, AnswerInput input, Actor? actor = null, int minute = 1)
    {
        return assessment.RecordAnswer(input, actor ?? Analyst, At(minute), assessment.AnswerTo(input.QuestionCode)?.Version);
    }

    public static EvidenceUpload Upload(string questionCode, DateOnly? expiresOn = null, string fileName = "nda-signed.pdf")
    {
        return new EvidenceUpload(questionCode, fileName, "4f1c2b0a9e8d7c6b5a4f3e2d1c0b9a88", Sha256, 48_213, "application/pdf", expiresOn);
    }

    /// <summary>The live score: sensitivity 5, a site in a country Legal rated High (65) and HQ with baseline 30.</summary>
    public static ScoreResult ScoreOf(Assessment assessment, DateTime nowUtc)
    {
        IReadOnlyList<JurisdictionRiskResult> countries = [Scores.Country("CN", 65, JurisdictionRiskSource.LegalRating), Scores.Country("VN", 30)];
        return ScoringEngine.Score(assessment.ToScoringInput(5, countries, DateOnly.FromDateTime(nowUtc)));
    }

    private static QuestionDefinition Optional(QuestionDefinition question)
    {
        question.Required = false;
        question.AllowNotApplicable = true;
        return question;
    }
}
