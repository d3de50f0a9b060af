using Bunit;
using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>The evidence of one question in the wizard, as the analyst dates an attached file in the browser's date field.</summary>
public sealed class EvidenceBoxTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task FileExpiry_WhenSetAndThenCleared_IsSavedEachTimeAndSaysSo()
    {
        var id = await NewDraftAsync(app);
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>()
            .ExecuteAsync(id, "DS-01", "ISO27001-certificate.pdf", new MemoryStream(SampleFiles.Pdf()), null));
        var assessment = (await LoadAsync(app, id)).Assessment;
        var saved = new List<EvidenceFile>();
        await using var context = ComponentContext.Create(app, Analyst, AnalystRole);
        var box = context.Render<EvidenceBox>(p => p
            .Add(b => b.Assessment, assessment)
            .Add(b => b.Question, assessment.Template.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "DS-01"))
            .Add(b => b.EvidenceChanged, (EvidenceFile file) =>
            {
                // As the wizard does: the box shows the assessment it is given, with the saved file applied.
                assessment.ApplySavedEvidence(file);
                saved.Add(file);
            }));
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(2);

        await box.Find("input[data-testid=file-expiry]").ChangeAsync(new() { Value = expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });

        box.WaitForAssertion(() => Assert.Contains($"now expires on {expiry:yyyy-MM-dd}", box.Find("[data-testid=upload-message-DS-01]").TextContent, StringComparison.Ordinal));
        Assert.Equal(expiry, Assert.Single(saved).ExpiresOn);
        Assert.Equal(expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), box.Find("input[data-testid=file-expiry]").GetAttribute("value"));
        Assert.Equal(expiry, Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).ExpiresOn);

        await box.Find("input[data-testid=file-expiry]").ChangeAsync(new() { Value = "" });

        box.WaitForAssertion(() => Assert.Contains("no longer has an expiry date", box.Find("[data-testid=upload-message-DS-01]").TextContent, StringComparison.Ordinal));
        Assert.Null(Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).ExpiresOn);
    }

    [Fact]
    public async Task Withdraw_OpensTheReasonForm_AndWithoutAReasonSaysWhatIsMissing()
    {
        var id = await NewDraftAsync(app);
        await app.AsUserAsync(Analyst, AnalystRole, s => s.GetRequiredService<UploadEvidence>()
            .ExecuteAsync(id, "DS-01", "ISO27001-certificate.pdf", new MemoryStream(SampleFiles.Pdf()), null));
        var assessment = (await LoadAsync(app, id)).Assessment;
        await using var context = ComponentContext.Create(app, Analyst, AnalystRole);
        var box = context.Render<EvidenceBox>(p => p
            .Add(b => b.Assessment, assessment)
            .Add(b => b.Question, assessment.Template.Sections.SelectMany(s => s.Questions).Single(q => q.Code == "DS-01")));
        Assert.Equal("upload-input-DS-01", box.Find(".evidence-upload label").GetAttribute("for"));
        Assert.NotNull(box.Find("#upload-input-DS-01"));

        await box.Find("button[data-testid=withdraw-file]").ClickAsync(new());
        await box.Find("[data-testid=confirm-withdraw]").ClickAsync(new());

        Assert.StartsWith("Say why “ISO27001-certificate.pdf” is withdrawn", box.Find("[data-testid=upload-message-DS-01]").TextContent.Trim(), StringComparison.Ordinal);
        Assert.False(Assert.Single((await LoadAsync(app, id)).Assessment.Evidence).IsWithdrawn);
    }
}
