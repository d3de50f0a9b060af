using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Assessments.Portal;
using DueDiligence.Web.Features.Assessments.Threads;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Performance;

/// <summary>
/// The SQL budgets of the assessment page and its autosave, counted (not timed): a change that adds a query to the page's
/// first render or a statement to one save fails here. Figures and timings: docs/benchmarks.md (bench "assessment").
/// </summary>
public sealed class AssessmentQueryBudgetTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>
    /// The page, its wizard and its panels (invitations, workbook, supplier and internal conversations), first render of a
    /// draft with answers: the assessment with which of its child collections have rows (1), its answers and transitions (1:
    /// a draft's are read together), the supplier with its sites, subcontractors, exposure and collaborators (1), the
    /// countries' jurisdictions (1), the invitations with the supplier's contacts (1), the conversations with the supplier and
    /// the internal ones (1).
    /// </summary>
    private const int PageQueries = 6;

    /// <summary>
    /// The page of an assessment awaiting decision, as an executive reads it (the review view): the assessment and which
    /// collections have rows (1), its answers, score snapshots and transitions (3), the supplier (1), the jurisdictions (1), the
    /// approval rule of its tier and the executives the reader signs for (2), the invitations (1), the internal conversations (1).
    /// </summary>
    private const int ReviewPageQueries = 10;

    /// <summary>
    /// One answer saved, in commands (round trips), the audit trail included: the assessment with that answer, the
    /// supplier's team and where the audit chain stands, read after the save took the chain's lock (1; a server database
    /// takes that lock with 1 more: PostgreSQL's advisory lock, SQL Server's application lock — SQLite's BEGIN IMMEDIATE
    /// is not a command), the answer and its audit event (SQLite: 2, as it does not batch; a server database: 1 batch),
    /// the assessment's version moved on while it is still a draft (1).
    /// </summary>
    private const int SaveCommands = 4;

    private AppFactory App => app;

    [Fact]
    public async Task AssessmentPage_FirstRenderOfTheWizard_StaysWithinItsQueryBudget()
    {
        var id = await NewDraftAsync(App);
        await AnswerAsync(App, id, new AnswerInput { QuestionCode = "DD-01", Number = 7 });
        await AnswerAsync(App, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 3 });
        await App.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<SupplierInvitations>()
            .InviteAsync(id, [new InviteeInput(null, "Lan Nguyen", "lan@supplier.test")], ["DS"], DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14)));
        await App.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DD-01", "Which register was checked?"));

        var commands = await PageQueriesAsync(id, Analyst, AppRoles.Analyst, page =>
        {
            // Each part shows what it loaded: the wizard with its internal conversations, the invitations, the workbook's
            // invitation list (once its tools are opened: that reads nothing more).
            Assert.NotEmpty(page.FindAll("[data-testid=internal-state-DD-01]"));
            Assert.NotEmpty(page.FindAll("[data-testid=invitation-table]"));
            page.Find("[data-testid=workbook-tools]").TriggerEvent("ontoggle", EventArgs.Empty);
            Assert.NotEmpty(page.FindAll("[data-testid=workbook-invitation]"));
        });

        Assert.True(commands.Count <= PageQueries, $"The assessment page ran {commands.Count} queries (budget {PageQueries}):\n{string.Join("\n---\n", commands)}");
    }

    [Fact]
    public async Task AssessmentPage_AwaitingDecisionForTheExecutive_StaysWithinItsQueryBudget()
    {
        var id = await AwaitingDecisionAsync(App);
        await App.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<InternalThreads>().WriteAsync(id, "DD-01", "Which register was checked?"));

        var commands = await PageQueriesAsync(id, Executive, AppRoles.Executive, page =>
        {
            // The review view with the approval rule's progress, the invitations panel and the internal conversations (loaded last).
            Assert.NotEmpty(page.FindAll("[data-testid=internal-state-DD-01]"));
            Assert.NotEmpty(page.FindAll("[data-testid=no-invitations]"));
            Assert.NotEmpty(page.FindAll("[data-testid=assessment-review]"));
        });

        Assert.True(commands.Count <= ReviewPageQueries, $"The assessment page ran {commands.Count} queries (budget {ReviewPageQueries}):\n{string.Join("\n---\n", commands)}");
    }

    [Fact]
    public async Task AnswerQuestion_SavingOneAnswer_StaysWithinItsStatementBudget()
    {
        var id = await NewDraftAsync(App);
        var first = await AnswerAsync(App, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 2 });
        await AnswerAsync(App, id, new AnswerInput { QuestionCode = "DD-01", Number = 3 });

        var commands = await CommandCounter.RecordAsync(() =>
            AnswerAsync(App, id, new AnswerInput { QuestionCode = "DS-04", Maturity = 3 }, expectedVersion: first.Version));

        Assert.True(commands.Count <= SaveCommands, $"Saving one answer ran {commands.Count} commands (budget {SaveCommands}):\n{string.Join("\n---\n", commands)}");
        Assert.Equal(3, (await LoadAsync(App, id)).Assessment.AnswerTo("DS-04")!.Maturity);
    }

    [Fact]
    public async Task TenEditors_SavingDistinctQuestionsOfOneAssessmentAtOnce_AreNeverRefused()
    {
        var id = await NewDraftAsync(App);
        var questions = (await DefaultTemplateAsync(App)).Definition.Sections.SelectMany(s => s.Questions).Take(10).ToList();
        var versions = new Guid?[questions.Count];

        for (var round = 1; round <= 3; round++)
        {
            // Each editor saves from the version of their own question they last saved; the others' saves meanwhile do not matter.
            var saved = await Task.WhenAll(questions.Select((question, i) =>
                AnswerAsync(App, id, CompleteAnswers.Best(question) with { Comment = $"Round {round}" }, expectedVersion: versions[i])));
            for (var i = 0; i < questions.Count; i++)
            {
                versions[i] = saved[i].Version;
            }
        }

        var stored = (await LoadAsync(App, id)).Assessment;
        Assert.All(questions, question => Assert.Equal("Round 3", stored.AnswerTo(question.Code)!.Comment));
    }

    /// <summary>The SQL commands of the page's first render for this user, until <paramref name="shown"/> holds.</summary>
    private async Task<IReadOnlyList<string>> PageQueriesAsync(Guid id, string user, string role, Action<IRenderedComponent<AssessmentPage>> shown)
    {
        await using var context = ComponentContext.Create(App, user, role);
        var commands = await CommandCounter.RecordAsync(() =>
        {
            var page = context.Render<AssessmentPage>(p => p.Add(x => x.Id, id));
            page.WaitForAssertion(() => shown(page), TimeSpan.FromSeconds(20));
            return Task.CompletedTask;
        });
        Assert.NotEmpty(commands);
        return commands;
    }
}
