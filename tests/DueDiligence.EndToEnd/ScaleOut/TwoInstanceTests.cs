using System.Net;
using DueDiligence.Domain.Auditing;
using DueDiligence.EndToEnd.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.ScaleOut;

/// <summary>Two app processes on one PostgreSQL database, as behind a load balancer (docs/deployment.md).</summary>
public sealed class TwoInstanceTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    private const int SavesPerInstance = 100;
    private const string AnswerEntity = "AssessmentAnswer";

    /// <summary>A yes/no question of the first section without required evidence: each click is one autosave.</summary>
    private const string Question = "DD-06";

    [PostgresFact]
    public async Task AuditedWrites_SplitBetweenTwoInstancesAtOnce_KeepOneUnbrokenChainWithNoEventLost()
    {
        var answerEventsBefore = await CountAnswerEventsAsync();
        var onA = await OpenOwnAssessmentAsync(fixture.A, $"Scale-out Alpha {Guid.NewGuid():N}"[..28]);
        var onB = await OpenOwnAssessmentAsync(fixture.B, $"Scale-out Beta {Guid.NewGuid():N}"[..27]);

        await Task.WhenAll(ToggleAnswerAsync(onA, SavesPerInstance), ToggleAnswerAsync(onB, SavesPerInstance));

        await using var db = fixture.OpenDatabase();
        var verification = await AuditChain.VerifyAsync(db.AuditEvents.AsNoTracking().OrderBy(e => e.Id).AsAsyncEnumerable(), fixture.ChainSigner);
        Assert.True(verification.IsIntact, $"The audit chain is broken at event {verification.FirstBrokenEventId}: {verification.Reason}");
        var forks = await db.AuditEvents.GroupBy(e => e.PreviousHash).Where(g => g.Count() > 1).Select(g => g.Key).ToListAsync();
        Assert.Empty(forks);
        Assert.True(await CountAnswerEventsAsync() - answerEventsBefore >= 2 * SavesPerInstance,
            $"Expected at least {2 * SavesPerInstance} new {AnswerEntity} audit events.");
        await onA.Context.CloseAsync();
        await onB.Context.CloseAsync();
    }

    [PostgresFact]
    public async Task SignedInOnOneInstance_TheSameCookieWorksOnTheOther_AlsoAfterItRestarts()
    {
        var onA = await fixture.NewPageAsync(fixture.A);
        await onA.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        var cookie = (await onA.Context.CookiesAsync()).Single(c => c.Name == "DueDiligence.Auth");

        await AssertSignedInOnBAsync(cookie);
        await fixture.B.StopAsync();
        await fixture.B.StartAsync();
        await AssertSignedInOnBAsync(cookie);
        await onA.Context.CloseAsync();
    }

    private async Task AssertSignedInOnBAsync(BrowserContextCookiesResult cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{fixture.B.BaseUrl}/suppliers");
        request.Headers.Add("Cookie", $"{cookie.Name}={cookie.Value}");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ana Analyst", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"password\"", html, StringComparison.Ordinal);
    }

    private async Task<IPage> OpenOwnAssessmentAsync(InstanceProcess instance, string supplierName)
    {
        var page = await fixture.NewPageAsync(instance);
        await page.SignInAsync("analyst@demo.local", "Demo-Analyst-2026");
        await page.StartAssessmentOfNewSupplierAsync(supplierName);
        return page;
    }

    /// <summary>Answers yes, no, yes, … waiting for each autosave, as an analyst changing their mind would.</summary>
    private static async Task ToggleAnswerAsync(IPage page, int saves)
    {
        for (var i = 0; i < saves; i++)
        {
            var before = await DefaultTemplateAnswers.SavesAsync(page, Question);
            await page.GetByTestId($"answer-{Question}-{(i % 2 == 0 ? "yes" : "no")}").CheckAsync();
            await DefaultTemplateAnswers.WaitSavedAsync(page, Question, before);
        }
    }

    private async Task<int> CountAnswerEventsAsync()
    {
        await using var db = fixture.OpenDatabase();
        return await db.AuditEvents.CountAsync(e => e.EntityType == AnswerEntity);
    }
}
