using System.Globalization;
using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>The evidence of one question in the wizard, with a file attached: dating it in the browser's date field, withdrawing it.</summary>
public sealed class EvidenceBoxTests(AppFactory app) : IClassFixture<AppFactory>, IAsyncDisposable
{
    private readonly List<EvidenceFile> _saved = [];
    private readonly ComponentContext _context = ComponentContext.Create(app, Analyst, AnalystRole);
    private Guid _id;

    [Fact]
    public async Task FileExpiry_WhenSetAndThenCleared_IsSavedEachTimeAndSaysSo()
    {
        var box = await RenderWithAFileAsync();
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2);
        var text = expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        await box.Find("input[data-testid=file-expiry]").ChangeAsync(new() { Value = text });

        box.WaitForAssertion(() => Assert.Contains($"now expires on {text}", Message(box), StringComparison.Ordinal));
        Assert.Equal(expiry, Assert.Single(_saved).ExpiresOn);
        Assert.Equal(text, box.Find("input[data-testid=file-expiry]").GetAttribute("value"));
        Assert.Equal(expiry, (await StoredFileAsync()).ExpiresOn);

        await box.Find("input[data-testid=file-expiry]").ChangeAsync(new() { Value = "" });

        box.WaitForAssertion(() => Assert.Contains("no longer has an expiry date", Message(box), StringComparison.Ordinal));
        Assert.Null((await StoredFileAsync()).ExpiresOn);
    }

    [Fact]
    public async Task Withdraw_OpensTheReasonForm_AndWithoutAReasonSaysWhatIsMissing()
    {
        var box = await RenderWithAFileAsync();
        Assert.Equal("upload-input-DS-01", box.Find(".evidence-upload label").GetAttribute("for"));
        Assert.NotNull(box.Find("#upload-input-DS-01"));

        await box.Find("button[data-testid=withdraw-file]").ClickAsync(new());
        await box.Find("[data-testid=confirm-withdraw]").ClickAsync(new());

        Assert.StartsWith("Say why “ISO27001-certificate.pdf” is withdrawn", Message(box), StringComparison.Ordinal);
        Assert.False((await StoredFileAsync()).IsWithdrawn);
    }

    /// <summary>The box of DS-01 of a new draft with one file attached, raising its saves as the wizard takes them.</summary>
    private async Task<IRenderedComponent<EvidenceBox>> RenderWithAFileAsync()
    {
        _id = await NewDraftAsync(app);
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>()
            .ExecuteAsync(_id, "DS-01", "ISO27001-certificate.pdf", new MemoryStream(SampleFiles.Pdf()), null));
        var assessment = (await LoadAsync(app, _id)).Assessment;
        return _context.Render<EvidenceBox>(p => p
            .Add(b => b.Assessment, assessment)
            .Add(b => b.Question, assessment.Template.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "DS-01"))
            .Add(b => b.EvidenceChanged, (EvidenceFile file) =>
            {
                // As the wizard does: the box shows the assessment it is given, with the saved file applied.
                assessment.ApplySavedEvidence(file);
                _saved.Add(file);
            }));
    }

    private async Task<EvidenceFile> StoredFileAsync() => Assert.Single((await LoadAsync(app, _id)).Assessment.Evidence);

    private static string Message(IRenderedComponent<EvidenceBox> box) => box.Find("[data-testid=upload-message-DS-01]").TextContent.Trim();

    public ValueTask DisposeAsync() => _context.DisposeAsync();
}
