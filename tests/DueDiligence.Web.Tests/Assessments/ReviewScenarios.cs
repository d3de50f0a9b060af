using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>Assessments in the states the review view shows, made through the use cases the pages call.</summary>
internal static class ReviewScenarios
{
    public const string WaiverRationale = "The NDA is replaced by the confidentiality clauses of the master agreement, signed 2026-09-01.";

    /// <summary>A complete assessment, submitted by the analyst, with the files given attached to their questions.</summary>
    public static async Task<Guid> SubmittedAsync(AppFactory app, Func<Domain.Questionnaires.QuestionDefinition, AnswerInput?>? instead = null, params (string QuestionCode, string FileName)[] files)
    {
        var id = await NewDraftAsync(app);
        await AnswerEverythingAsync(app, id, instead: instead);
        foreach (var (questionCode, fileName) in files)
        {
            await app.AsUserAsync(Analyst, AnalystRole, s =>
                s.GetRequiredService<UploadEvidence>().ExecuteAsync(id, questionCode, fileName, new MemoryStream(SampleFiles.Pdf()), null));
        }

        await SubmitAsync(app, id);
        return id;
    }

    /// <summary>As <see cref="SubmittedAsync"/>, then taken into legal review.</summary>
    public static async Task<Guid> InLegalReviewAsync(AppFactory app, Func<Domain.Questionnaires.QuestionDefinition, AnswerInput?>? instead = null, params (string QuestionCode, string FileName)[] files)
    {
        var id = await SubmittedAsync(app, instead, files);
        await AsLegalAsync(app, r => r.StartReviewAsync(id));
        return id;
    }

    /// <summary>The answer "No" to CT-01 (will the supplier sign our NDA?), which knocks the supplier out.</summary>
    public static AnswerInput? RefusesTheNda(Domain.Questionnaires.QuestionDefinition question) =>
        question.Code == "CT-01" ? CompleteAnswers.Best(question) with { YesNo = false } : null;

    public static async Task<AssessmentDecision> DecideAsync(AppFactory app, Guid id, DecisionOutcome outcome, string rationale) =>
        await app.AsUserAsync(Executive, ExecutiveRole, s => s.GetRequiredService<DecideAssessment>().ExecuteAsync(id, outcome, rationale))
        ?? throw new InvalidOperationException("The sign-off did not decide: the approval rule of the tier needs more approvals.");
}
