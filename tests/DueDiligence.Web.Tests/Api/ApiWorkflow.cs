using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DueDiligence.Web.Features.Account.ApiTokens;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Api;

/// <summary>
/// An assessment walked through the real use cases by the demo users (<see cref="ReportScenario"/>: a finding and a
/// contract condition, decided with conditions unless asked to stop earlier), and the people around its supplier.
/// </summary>
internal sealed record ApiWorkflow(Guid AssessmentId, Guid SupplierId, Guid FindingId, Guid ConditionId)
{
    /// <summary>Who calls: the supplier's owner, a collaborator, another analyst, and the demo users of the other roles.</summary>
    public const string Owner = "owner", Collaborator = "collaborator", OtherAnalyst = "other analyst";

    private static readonly ConcurrentDictionary<(AppFactory App, string Email, string Scopes), Lazy<Task<string>>> Tokens = new();

    public static async Task<ApiWorkflow> DecidedAsync(AppFactory app) => await RunAsync(app, decide: true, submit: true);

    /// <summary>A draft with every question answered and its files uploaded, ready to submit.</summary>
    public static async Task<ApiWorkflow> CompleteDraftAsync(AppFactory app) => await RunAsync(app, decide: false, submit: false);

    /// <summary>The e-mail of someone in the role or relation to the supplier; a collaborator is added by the owner.</summary>
    public async Task<string> CallerAsync(AppFactory app, string who)
    {
        switch (who)
        {
            case Owner:
                return ReportScenario.Analyst;
            case Collaborator or OtherAnalyst:
                var email = $"{Guid.NewGuid():N}@api.test";
                await app.CreateUserAsync(email, $"Api {who}", AppRoles.Analyst, "Api-Tests-Password-2026");
                if (who == Collaborator)
                {
                    var id = await app.AsAsync(email, s => s.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email));
                    await app.AsAsync(ReportScenario.Analyst, s => s.GetRequiredService<SupplierTeam>().AddCollaboratorAsync(SupplierId, id!.Id));
                }

                return email;
            default:
                return DemoAccounts.ForRole(who).Email;
        }
    }

    /// <summary>
    /// A client that sends a token of the user with these scopes, and no cookie. One token per user and scopes in each app
    /// (made as the token page makes it), as a user may hold only so many.
    /// </summary>
    public static async Task<HttpClient> ClientAsync(AppFactory app, string email, params string[] scopes)
    {
        var token = await Tokens.GetOrAdd((app, email, string.Join(' ', scopes)), key => new(() => app.AsAsync(key.Email, async s =>
            (await s.GetRequiredService<PersonalAccessTokens>().CreateAsync(new ApiTokenInput { Name = "Test client", Scopes = [.. scopes], ExpiresInDays = 30 })).Secret))).Value;
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>The resource at the path and its ETag, read with a client that may read it.</summary>
    public static async Task<(string ETag, JsonElement Body)> ReadAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (response.Headers.ETag!.Tag, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>A POST with a JSON body and, when given, If-Match.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body ?? new { }) };
        if (etag is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue(etag));
        }

        return client.SendAsync(request);
    }

    private static async Task<ApiWorkflow> RunAsync(AppFactory app, bool decide, bool submit)
    {
        var scenario = await ReportScenario.RunAsync(app, $"Api Workflow {Guid.NewGuid():N}"[..30], decide, submit);
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Findings).Include(a => a.Conditions).AsSplitQuery().SingleAsync(a => a.Id == scenario.AssessmentId);
        return new ApiWorkflow(
            assessment.Id, assessment.SupplierId, assessment.Findings.SingleOrDefault()?.Id ?? Guid.Empty, assessment.Conditions.SingleOrDefault()?.Id ?? Guid.Empty);
    }
}
