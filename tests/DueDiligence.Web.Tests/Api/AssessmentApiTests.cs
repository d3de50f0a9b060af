using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Api;

/// <summary>Assessments through the API: who may start and submit (the pages' rules), If-Match, the score and the list's cursor.</summary>
public sealed class AssessmentApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Assessments = "/api/v1/assessments";

    private static readonly string[] Write = [ApiApp.ReadWrite(ApiResource.Assessments)];

    [Theory]
    [InlineData(ApiWorkflow.Owner, null)]
    [InlineData(ApiWorkflow.Collaborator, null)]
    [InlineData(ApiWorkflow.OtherAnalyst, "start an assessment of this supplier")]
    [InlineData(AppRoles.LegalReviewer, "needs the role")]
    [InlineData(AppRoles.Executive, "needs the role")]
    [InlineData(AppRoles.Admin, "needs the role")]
    public async Task Start_ByWho_IsAllowedToTheSuppliersTeamOnly(string who, string? refusal)
    {
        var supplierId = await SupplierAsync();
        var workflow = new ApiWorkflow(Guid.Empty, supplierId, Guid.Empty, Guid.Empty);
        var caller = await ApiWorkflow.ClientAsync(app, await workflow.CallerAsync(app, who), Write);
        var questionnaire = await QuestionnaireAsync();

        var response = await caller.PostAsJsonAsync(Assessments, new { supplierId, questionnaireId = questionnaire });

        await using var db = await app.CreateDbContextAsync();
        var started = await db.Assessments.Where(a => a.SupplierId == supplierId).Select(a => a.Id).ToListAsync();
        if (refusal is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.Created, $"{who}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal($"{Assessments}/{started.Single()}", response.Headers.Location?.OriginalString);
            Assert.Equal("Draft", body.GetProperty("status").GetString());
            Assert.True(body.GetProperty("scoreIsLive").GetBoolean());
            Assert.NotNull(response.Headers.ETag);
        }
        else
        {
            await ApiAssert.ProblemAsync(response, 403, refusal);
            Assert.Empty(started);
        }
    }

    [Fact]
    public async Task Start_WithoutAQuestionnaire_Is400NamingIt()
    {
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);

        var response = await owner.PostAsJsonAsync(Assessments, new { supplierId = await SupplierAsync() });

        var problem = await ApiAssert.ProblemAsync(response, 400, "invalid fields");
        Assert.True(problem.GetProperty("errors").TryGetProperty("questionnaireId", out _));
    }

    [Fact]
    public async Task Submit_OfACompleteDraft_HandsItToLegalReview()
    {
        var workflow = await ApiWorkflow.CompleteDraftAsync(app);
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);
        var (etag, status) = await ApiWorkflow.ReadAsync(owner, $"{Assessments}/{workflow.AssessmentId}/status");
        Assert.True(status.GetProperty("allowed").GetProperty("submit").GetBoolean(), status.ToString());

        var response = await ApiWorkflow.PostAsync(owner, $"{Assessments}/{workflow.AssessmentId}/submit", null, etag);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var after = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Submitted", after.GetProperty("status").GetString());
        Assert.Equal("Submitted", after.GetProperty("history").EnumerateArray().Last().GetProperty("to").GetString());
        var read = await owner.GetFromJsonAsync<JsonElement>($"{Assessments}/{workflow.AssessmentId}");
        Assert.Contains(read.GetProperty("snapshots").EnumerateArray(), s => s.GetProperty("kind").GetString() == nameof(ScoreSnapshotKind.Submission));
    }

    [Fact]
    public async Task Submit_ByAnotherAnalyst_IsRefusedAndStaysADraft()
    {
        var workflow = await ApiWorkflow.CompleteDraftAsync(app);
        var other = await ApiWorkflow.ClientAsync(app, await workflow.CallerAsync(app, ApiWorkflow.OtherAnalyst), Write);
        var (etag, _) = await ApiWorkflow.ReadAsync(other, $"{Assessments}/{workflow.AssessmentId}/status");

        var response = await ApiWorkflow.PostAsync(other, $"{Assessments}/{workflow.AssessmentId}/submit", null, etag);

        await ApiAssert.ProblemAsync(response, 403, "submits it");
        Assert.Equal("Draft", (await ApiWorkflow.ReadAsync(other, $"{Assessments}/{workflow.AssessmentId}/status")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_OfAnIncompleteDraft_Is409ListingWhatIsMissing()
    {
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);
        var started = await owner.PostAsJsonAsync(Assessments, new { supplierId = await SupplierAsync(), questionnaireId = await QuestionnaireAsync() });
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await ApiWorkflow.PostAsync(owner, $"{Assessments}/{id}/submit", null, started.Headers.ETag!.Tag);

        var problem = await ApiAssert.ProblemAsync(response, 409, "cannot be submitted yet");
        Assert.NotEmpty(problem.GetProperty("missing").EnumerateArray());
        Assert.Equal("Draft", (await ApiWorkflow.ReadAsync(owner, $"{Assessments}/{id}/status")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Submit_WithTheETagOfAnOlderVersion_Is412AndStaysADraft()
    {
        var workflow = await ApiWorkflow.CompleteDraftAsync(app);
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);
        var (etag, _) = await ApiWorkflow.ReadAsync(owner, $"{Assessments}/{workflow.AssessmentId}");
        Guid evidenceId;
        await using (var db = await app.CreateDbContextAsync())
        {
            evidenceId = await db.Assessments.Where(a => a.Id == workflow.AssessmentId).SelectMany(a => a.Evidence).Select(e => e.Id).FirstAsync();
        }

        await app.AsAsync(ReportScenario.Analyst, s => s.GetRequiredService<ChangeEvidenceExpiry>()
            .ExecuteAsync(workflow.AssessmentId, evidenceId, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1)));

        var response = await ApiWorkflow.PostAsync(owner, $"{Assessments}/{workflow.AssessmentId}/submit", null, etag);
        var missing = await ApiWorkflow.PostAsync(owner, $"{Assessments}/{workflow.AssessmentId}/submit", null, etag: null);

        await ApiAssert.ProblemAsync(response, 412, "changed this assessment");
        await ApiAssert.ProblemAsync(missing, 428, "If-Match");
        Assert.Equal("Draft", (await ApiWorkflow.ReadAsync(owner, $"{Assessments}/{workflow.AssessmentId}/status")).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Get_OfADecidedAssessment_GivesTheDecisionsScoreAndItsSnapshots()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var executive = await ApiWorkflow.ClientAsync(app, ReportScenario.Executive, ApiApp.Read(ApiResource.Assessments));

        var (etag, body) = await ApiWorkflow.ReadAsync(executive, $"{Assessments}/{workflow.AssessmentId}");

        Assert.False(body.GetProperty("scoreIsLive").GetBoolean());
        var snapshots = body.GetProperty("snapshots").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList();
        Assert.Equal([nameof(ScoreSnapshotKind.Submission), nameof(ScoreSnapshotKind.Decision)], snapshots);
        var decision = body.GetProperty("snapshots")[1];
        Assert.Equal(decision.GetProperty("tier").GetString(), body.GetProperty("score").GetProperty("tier").GetString());
        Assert.Equal(decision.GetProperty("residualRisk").GetDouble(), body.GetProperty("score").GetProperty("residualRisk").GetDouble());
        Assert.NotEmpty(body.GetProperty("score").GetProperty("sections").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(etag));
    }

    [Fact]
    public async Task List_FiltersBySupplierAndStatusAndPagesWithoutRepeats()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var legal = await ApiWorkflow.ClientAsync(app, ReportScenario.Legal, ApiApp.Read(ApiResource.Assessments));

        var ofSupplier = await legal.GetFromJsonAsync<JsonElement>($"{Assessments}?supplier={workflow.SupplierId}");
        var decided = await legal.GetFromJsonAsync<JsonElement>($"{Assessments}?supplier={workflow.SupplierId}&status=Decided");
        var drafts = await legal.GetFromJsonAsync<JsonElement>($"{Assessments}?supplier={workflow.SupplierId}&status=Draft");
        var badCursor = await legal.GetAsync($"{Assessments}?cursor=nonsense");

        Assert.Equal(workflow.AssessmentId, ofSupplier.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal("ApprovedWithConditions", decided.GetProperty("items")[0].GetProperty("outcome").GetString());
        Assert.Empty(drafts.GetProperty("items").EnumerateArray());
        await ApiAssert.ProblemAsync(badCursor, 400, "invalid fields");
        await using var db = await app.CreateDbContextAsync();
        var all = await db.Assessments.CountAsync();
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await legal.GetFromJsonAsync<JsonElement>($"{Assessments}?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(all, seen.Count);
        Assert.Equal(all, seen.Distinct().Count());
    }

    private Task<Guid> SupplierAsync() =>
        app.AsAsync(ReportScenario.Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = $"Api Start {Guid.NewGuid():N}"[..26],
            HqCountry = "VN",
            Category = SupplierCategory.ContractManufacturer,
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = 3 }],
        }));

    private async Task<Guid> QuestionnaireAsync()
    {
        var client = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, ApiApp.Read(ApiResource.Assessments));
        return (await client.GetFromJsonAsync<JsonElement>("/api/v1/questionnaires"))[0].GetProperty("id").GetGuid();
    }
}
