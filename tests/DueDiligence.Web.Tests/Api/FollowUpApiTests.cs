using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Reports;

namespace DueDiligence.Web.Tests.Api;

/// <summary>
/// Following up findings and contract conditions through the API: the follow-up panel's rule (the supplier's team and legal
/// reviewers), If-Match on the assessment's version, the token's scope, and the decision read back.
/// </summary>
public sealed class FollowUpApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Write = [ApiApp.ReadWrite(ApiResource.Findings)];

    [Theory]
    [InlineData(ApiWorkflow.Owner, null)]
    [InlineData(ApiWorkflow.Collaborator, null)]
    [InlineData(AppRoles.LegalReviewer, null)]
    [InlineData(ApiWorkflow.OtherAnalyst, "Only the supplier's owner and collaborators, and legal reviewers")]
    [InlineData(AppRoles.Executive, "needs the role")]
    [InlineData(AppRoles.Admin, "needs the role")]
    public async Task StartCondition_ByWho_FollowsTheFollowUpPanelsRule(string who, string? refusal)
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var path = $"/api/v1/conditions/{workflow.ConditionId}";
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);
        var (etag, _) = await ApiWorkflow.ReadAsync(owner, path);
        var caller = await ApiWorkflow.ClientAsync(app, await workflow.CallerAsync(app, who), Write);

        var response = await ApiWorkflow.PostAsync(caller, $"{path}/status", new { step = "Start" }, etag);

        var (after, condition) = await ApiWorkflow.ReadAsync(owner, path);
        if (refusal is null)
        {
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{who}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal("InProgress", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
            Assert.Equal(after, response.Headers.ETag!.Tag);
            Assert.NotEqual(etag, after);
            Assert.Equal("InProgress", condition.GetProperty("status").GetString());
            Assert.Equal("Started", condition.GetProperty("history").EnumerateArray().Last().GetProperty("action").GetString());
        }
        else
        {
            await ApiAssert.ProblemAsync(response, 403, refusal);
            Assert.Equal(etag, after);
            Assert.Equal("Open", condition.GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task ChangeFindingStatus_WithTheETagOfAnOlderVersion_Is412AndKeepsTheFirstStep()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var path = $"/api/v1/findings/{workflow.FindingId}";
        var legal = await ApiWorkflow.ClientAsync(app, ReportScenario.Legal, Write);
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);
        var (etag, _) = await ApiWorkflow.ReadAsync(owner, path);
        Assert.Equal(HttpStatusCode.OK, (await ApiWorkflow.PostAsync(legal, $"{path}/status", new { step = "Start" }, etag)).StatusCode);

        var late = await ApiWorkflow.PostAsync(owner, $"{path}/status", new { step = "Waive", reason = "Read before legal started it." }, etag);

        await ApiAssert.ProblemAsync(late, 412, "changed this assessment");
        var (_, finding) = await ApiWorkflow.ReadAsync(owner, path);
        Assert.Equal("InProgress", finding.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, finding.GetProperty("waiverReason").ValueKind);
    }

    [Fact]
    public async Task ChangeStatus_WithoutIfMatch_Is428AndChangesNothing()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var path = $"/api/v1/findings/{workflow.FindingId}";
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, Write);

        var response = await ApiWorkflow.PostAsync(owner, $"{path}/status", new { step = "Complete" }, etag: null);

        await ApiAssert.ProblemAsync(response, 428, "If-Match");
        Assert.Equal("Open", (await ApiWorkflow.ReadAsync(owner, path)).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task WaiveCondition_NeedsAReasonAndKeepsIt()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var path = $"/api/v1/conditions/{workflow.ConditionId}";
        var legal = await ApiWorkflow.ClientAsync(app, ReportScenario.Legal, Write);
        var (etag, _) = await ApiWorkflow.ReadAsync(legal, path);

        var bare = await ApiWorkflow.PostAsync(legal, $"{path}/status", new { step = "Waive" }, etag);
        var unknownStep = await ApiWorkflow.PostAsync(legal, $"{path}/status", new { }, etag);
        var waived = await ApiWorkflow.PostAsync(legal, $"{path}/status", new { step = "Waive", reason = "Covered by the group NDA." }, etag);

        await ApiAssert.ProblemAsync(bare, 409, "Say why");
        var problem = await ApiAssert.ProblemAsync(unknownStep, 400, "invalid fields");
        Assert.True(problem.GetProperty("errors").TryGetProperty("step", out _));
        Assert.Equal(HttpStatusCode.OK, waived.StatusCode);
        var condition = await waived.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Waived", condition.GetProperty("status").GetString());
        Assert.Equal("Covered by the group NDA.", condition.GetProperty("waiverReason").GetString());
    }

    [Fact]
    public async Task ChangeStatus_WithAReadOnlyToken_IsRefusedForTheScope()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var path = $"/api/v1/findings/{workflow.FindingId}";
        var owner = await ApiWorkflow.ClientAsync(app, ReportScenario.Analyst, ApiApp.Read(ApiResource.Findings));
        var (etag, _) = await ApiWorkflow.ReadAsync(owner, path);

        var response = await ApiWorkflow.PostAsync(owner, $"{path}/status", new { step = "Start" }, etag);

        await ApiAssert.ProblemAsync(response, 403, "scope findings:write");
        Assert.Equal("Open", (await ApiWorkflow.ReadAsync(owner, path)).Body.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Lists_ByAssessment_GiveItsFindingAndConditionAndPageByCursor()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var executive = await ApiWorkflow.ClientAsync(app, ReportScenario.Executive, ApiApp.Read(ApiResource.Findings));

        var findings = await executive.GetFromJsonAsync<JsonElement>($"/api/v1/findings?assessment={workflow.AssessmentId}");
        var conditions = await executive.GetFromJsonAsync<JsonElement>($"/api/v1/conditions?assessment={workflow.AssessmentId}&status=Open");
        var met = await executive.GetFromJsonAsync<JsonElement>($"/api/v1/conditions?assessment={workflow.AssessmentId}&status=Met");

        Assert.Equal(workflow.FindingId, findings.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Equal(ReportScenario.FindingText, findings.GetProperty("items")[0].GetProperty("description").GetString());
        Assert.Equal(workflow.ConditionId, conditions.GetProperty("items").EnumerateArray().Single().GetProperty("id").GetGuid());
        Assert.Empty(met.GetProperty("items").EnumerateArray());
        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await executive.GetFromJsonAsync<JsonElement>($"/api/v1/findings?limit=1{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.GetProperty("items").GetArrayLength() <= 1);
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Contains(workflow.FindingId, seen);
    }

    [Fact]
    public async Task Decision_OfADecidedAssessment_GivesOutcomeRationaleAndSignOffs()
    {
        var workflow = await ApiWorkflow.DecidedAsync(app);
        var legal = await ApiWorkflow.ClientAsync(app, ReportScenario.Legal, ApiApp.Read(ApiResource.Findings));

        var decision = await legal.GetFromJsonAsync<JsonElement>($"/api/v1/assessments/{workflow.AssessmentId}/decision");

        Assert.Equal("ApprovedWithConditions", decision.GetProperty("outcome").GetString());
        Assert.Equal(ReportScenario.DecisionRationale, decision.GetProperty("rationale").GetString());
        Assert.NotEmpty(decision.GetProperty("signOffs").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(decision.GetProperty("legalOpinion").GetProperty("text").GetString()));
    }
}
