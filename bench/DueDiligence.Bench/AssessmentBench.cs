using System.Diagnostics;
using System.Globalization;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Bench;

/// <summary>
/// The assessment page and its autosave on a draft of the default 57-question template with 40 answers: the SQL commands
/// and the time of (a) everything the page loads to show the wizard, (b) one answer saved, and (c) ten editors saving
/// distinct questions of one assessment at once, in rounds, with the conflicts counted (goal: none).
/// </summary>
internal static class AssessmentBench
{
    private const string Analyst = "bench-analyst";
    private const int Editors = 10;
    private const int Rounds = 20;

    /// <param name="showSql">--sql: print each counted command's first lines.</param>
    public static async Task RunAsync(BenchDatabase database, bool showSql)
    {
        await using var app = new BenchApp(database);
        var (assessmentId, questions) = await SeedAsync(app);
        Console.WriteLine($"Draft of the default template: {questions.Count} questions, 40 answered");

        var page = await CommandCounter.RecordAsync(() => AsAnalystAsync(app, s => AssessmentPageLoad.RunAsync(s, assessmentId)));
        Console.WriteLine($"(a) Assessment page, first render: {page.Count} SQL commands");
        Show(page, showSql);
        await AsyncHarness.MeasureAsync("(a) Assessment page load (view, threads, invitations, contacts)", 3, 40,
            () => AsAnalystAsync(app, s => AssessmentPageLoad.RunAsync(s, assessmentId)));

        var question = questions[0];
        var saves = 0;
        var save = await CommandCounter.RecordAsync(() => SaveAsync(app, assessmentId, question, saves++));
        Console.WriteLine($"(b) One answer saved: {save.Count} SQL commands");
        Show(save, showSql);
        await AsyncHarness.MeasureAsync("(b) AnswerQuestion.ExecuteAsync (one answer)", 3, 40, () => SaveAsync(app, assessmentId, question, saves++));

        await ConcurrentEditorsAsync(app, assessmentId, questions);
    }

    /// <summary>Ten editors, each on a question of their own, save at the same moment, round after round, each from the version it last saved.</summary>
    private static async Task ConcurrentEditorsAsync(BenchApp app, Guid assessmentId, IReadOnlyList<QuestionDefinition> questions)
    {
        var mine = questions.Skip(1).Take(Editors).ToList();
        var versions = new Guid?[Editors];
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var answers = await db.Assessments.Where(a => a.Id == assessmentId).SelectMany(a => a.Answers)
                .Select(a => new { a.QuestionCode, a.Version }).ToListAsync();
            for (var i = 0; i < Editors; i++)
            {
                versions[i] = answers.FirstOrDefault(a => a.QuestionCode == mine[i].Code)?.Version;
            }
        }

        var (conflicts, failures) = (0, 0);
        var timings = new List<double>();
        var rounds = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            var results = await Task.WhenAll(Enumerable.Range(0, Editors).Select(async i =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var saved = await AsAnalystAsync(app, s => s.GetRequiredService<AnswerQuestion>()
                        .ExecuteAsync(assessmentId, AnswerTo(mine[i], round + i), versions[i]));
                    versions[i] = saved.Version;
                    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, Problem: (string?)null);
                }
                catch (Exception e) when (e is ConcurrencyConflictException or StaleAnswerException)
                {
                    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, Problem: "conflict");
                }
                catch (DomainException e)
                {
                    return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, Problem: e.Message);
                }
            }));
            conflicts += results.Count(r => r.Problem == "conflict");
            failures += results.Count(r => r.Problem is not null and not "conflict");
            timings.AddRange(results.Select(r => r.TotalMilliseconds));
        }

        var sorted = timings.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"(c) {Editors} editors on distinct questions, {Rounds} rounds: {sorted.Length} saves in {rounds.Elapsed.TotalSeconds:F1} s, " +
            $"{conflicts} refused as conflicts, {failures} other refusals; per save p50 {AsyncHarness.Percentile(sorted, 0.5):F1} ms, p95 {AsyncHarness.Percentile(sorted, 0.95):F1} ms"));
    }

    private static void Show(IReadOnlyList<string> commands, bool showSql)
    {
        foreach (var command in showSql ? commands : [])
        {
            var lines = command.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            Console.WriteLine($"    {string.Join(" ", lines.Take(4))[..Math.Min(220, string.Join(" ", lines.Take(4)).Length)]}");
        }
    }

    private static Task<SavedAnswer> SaveAsync(BenchApp app, Guid assessmentId, QuestionDefinition question, int n) =>
        AsAnalystAsync(app, async s =>
        {
            var answers = s.GetRequiredService<AnswerQuestion>();
            var version = await CurrentVersionAsync(app, assessmentId, question.Code);
            return await answers.ExecuteAsync(assessmentId, AnswerTo(question, n), version);
        });

    private static async Task<Guid?> CurrentVersionAsync(BenchApp app, Guid assessmentId, string code)
    {
        // Outside the counted work: the wizard knows the version it last saved.
        using var _ = CommandCounter.Pause();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Assessments.Where(a => a.Id == assessmentId).SelectMany(a => a.Answers).Where(a => a.QuestionCode == code)
            .Select(a => (Guid?)a.Version).FirstOrDefaultAsync();
    }

    private static async Task<T> AsAnalystAsync<T>(BenchApp app, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.ScopeAs(Analyst, AppRoles.Analyst);
        return await work(scope.ServiceProvider);
    }

    private static async Task<(Guid Id, IReadOnlyList<QuestionDefinition> Questions)> SeedAsync(BenchApp app)
    {
        Guid supplierId;
        TemplateVersion template;
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var supplier = new Supplier(new SupplierProfile("Assessment Bench Ltd.", CountryCode.Parse("VN"), SupplierCategory.ContractManufacturer), Analyst, Analyst, now);
            supplier.ReplaceSites([new Site(CountryCode.Parse("VN"), "Hanoi", SiteActivity.ComponentManufacturing), new Site(CountryCode.Parse("CN"), "Shenzhen", SiteActivity.FinalAssembly)], now);
            supplier.ReplaceExposure([new ExposureItem(IpAssetCategory.SourceCodeFirmware, 5, "Firmware images")], now);
            db.Suppliers.Add(supplier);
            await db.SaveChangesAsync();
            supplierId = supplier.Id;
            template = await db.TemplateVersions.AsNoTracking().Where(t => t.Status == TemplateStatus.Published).OrderBy(t => t.VersionNumber).FirstAsync();
        }

        var questions = template.Definition.Sections.SelectMany(s => s.Questions).ToList();
        var id = await AsAnalystAsync(app, s => s.GetRequiredService<StartAssessment>().ExecuteAsync(supplierId, template.Id));
        // The last 40 questions answered: the first 11 stay free for the save and the ten editors.
        foreach (var question in questions.Skip(questions.Count - 40))
        {
            await AsAnalystAsync(app, s => s.GetRequiredService<AnswerQuestion>().ExecuteAsync(id, AnswerTo(question, 0), null));
        }

        return (id, questions);
    }

    /// <summary>A valid answer to any question; <paramref name="n"/> varies it so that every save changes something.</summary>
    private static AnswerInput AnswerTo(QuestionDefinition question, int n)
    {
        var answer = new AnswerInput { QuestionCode = question.Code, Comment = $"Bench answer {n}." };
        return question.Type switch
        {
            QuestionType.YesNo => answer with { YesNo = n % 2 == 0 },
            QuestionType.Maturity => answer with { Maturity = n % 5 },
            QuestionType.SingleChoice => answer with { OptionCodes = [question.Options[n % question.Options.Count].Code] },
            QuestionType.MultipleChoice => answer with { OptionCodes = [question.Options[n % question.Options.Count].Code] },
            QuestionType.Number => answer with { Number = n % 10 },
            QuestionType.Date => answer with { Date = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(200 + n) },
            _ => answer with { Text = $"Described in the supplier's reply {n}.", ManualRating = 0.5 },
        };
    }
}
