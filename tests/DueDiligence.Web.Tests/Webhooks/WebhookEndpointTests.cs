using System.Net;
using DueDiligence.Web.Features.Admin.Webhooks;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Monitoring;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Webhooks;

/// <summary>
/// Registering endpoints: only administrators; an address that is not https to a public server is refused when saved
/// (unless private targets are allowed); the secret is stored protected and audited as redacted.
/// </summary>
[Collection(WebhookCollection.Name)]
public sealed class WebhookEndpointTests(WebhookApp hooks)
{
    [Theory]
    [InlineData("https://127.0.0.1/hook", "loopback")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("https://10.1.2.3/hook", "private")]
    [InlineData("https://172.20.0.1/hook", "private")]
    [InlineData("https://192.168.1.10/hook", "private")]
    [InlineData("https://100.64.0.1/hook", "private")]
    [InlineData("https://169.254.169.254/latest/meta-data", "internal")]
    [InlineData("https://[::1]/hook", "loopback")]
    [InlineData("https://[fd12:3456::1]/hook", "internal")]
    [InlineData("https://[fe80::1]/hook", "internal")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "loopback")]
    [InlineData("https://0.0.0.0/hook", "internal")]
    [InlineData("http://93.184.215.14/hook", "https://")]
    [InlineData("ftp://93.184.215.14/hook", "https://")]
    [InlineData("https://user:password@93.184.215.14/hook", "password")]
    public async Task Register_WithoutPrivateTargetsAllowed_RefusesAnAddressThatIsNotHttpsToAPublicServer(string url, string said)
    {
        await using var strict = hooks.Strict();

        var refusal = await Assert.ThrowsAsync<ValidationException>(() => AsAdminAsync(strict, s => s.RegisterAsync(WebhookApp.Input(url, WebhookEventType.SupplierCreated))));

        Assert.Contains(said, refusal.Message, StringComparison.Ordinal);
        await using var db = await hooks.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        Assert.False(await db.WebhookEndpoints.AnyAsync(e => e.Url == url || e.Url == url + "/"));
    }

    [Fact]
    public async Task Register_WithoutPrivateTargetsAllowed_AcceptsHttpsToAPublicAddress()
    {
        await using var strict = hooks.Strict();

        var made = await AsAdminAsync(strict, s => s.RegisterAsync(WebhookApp.Input("https://93.184.215.14/hook", WebhookEventType.AssessmentDecided)));

        Assert.Equal("https://93.184.215.14/hook", made.Endpoint.Url);
        await AsAdminAsync(strict, async s =>
        {
            await s.RemoveAsync(made.Endpoint.Id);
            return true;
        });
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.1", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("192.168.0.1", true)]
    [InlineData("169.254.1.1", true)]
    [InlineData("fc00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("93.184.215.14", false)]
    [InlineData("2606:2800:21f:cb07:6820:80da:af6b:8b2c", false)]
    public void IsForbidden_TellsInternalAddressesFromPublicOnes(string address, bool forbidden) =>
        Assert.Equal(forbidden, WebhookTargets.IsForbidden(IPAddress.Parse(address)));

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.LegalReviewer)]
    [InlineData(AppRoles.Executive)]
    public async Task EveryUseCase_ForAUserWhoIsNotAnAdministrator_IsRefused(string role)
    {
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        var deliveryId = await SomeDeliveryAsync(made.Endpoint.Id);
        var input = WebhookApp.Input($"{hooks.Receiver.BaseAddress}/hook/not-allowed", WebhookEventType.SupplierCreated);
        Func<WebhookAdministration, Task>[] useCases =
        [
            s => s.ListAsync(),
            s => s.RegisterAsync(input),
            s => s.UpdateAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp, input),
            s => s.SetPausedAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp, true),
            s => s.ReplaceSecretAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp),
            s => s.RemoveAsync(made.Endpoint.Id),
            s => s.DeliveriesAsync(made.Endpoint.Id),
            s => s.RedeliverAsync(deliveryId),
        ];

        foreach (var useCase in useCases)
        {
            await Assert.ThrowsAsync<ForbiddenException>(() =>
                hooks.Monitoring.AsUserAsync("someone@test", [role], s => useCase(s.GetRequiredService<WebhookAdministration>())));
        }

        var endpoint = Assert.Single(await hooks.AsAdminAsync(s => s.ListAsync()), e => e.Id == made.Endpoint.Id);
        Assert.Equal((made.Endpoint.Url, false, made.Endpoint.ConcurrencyStamp), (endpoint.Url, endpoint.IsPaused, endpoint.ConcurrencyStamp));
    }

    [Theory]
    [InlineData(AppRoles.Analyst)]
    [InlineData(AppRoles.Executive)]
    public async Task Pages_ForAUserWhoIsNotAnAdministrator_AreForbidden(string role)
    {
        var user = DemoAccounts.ForRole(role);
        var client = hooks.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, user.Email, user.Password)).StatusCode);
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/admin/webhooks/{made.Endpoint.Id}")).StatusCode);
    }

    [Fact]
    public async Task Pages_ForAnAdministrator_Open()
    {
        var admin = DemoAccounts.ForRole(AppRoles.Admin);
        var client = hooks.App.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, admin.Email, admin.Password)).StatusCode);
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/admin/webhooks/{made.Endpoint.Id}")).StatusCode);
    }

    [Fact]
    public async Task Register_StoresTheSecretProtected_AndAuditsTheEndpointWithTheSecretRedacted()
    {
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated, WebhookEventType.ConditionOverdue);
        var replaced = await hooks.AsAdminAsync(s => s.ReplaceSecretAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp));

        Assert.StartsWith(WebhookSecrets.Prefix, made.Secret, StringComparison.Ordinal);
        Assert.NotEqual(made.Secret, replaced.Secret);
        await using var db = await hooks.App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var stored = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == made.Endpoint.Id);
        Assert.DoesNotContain(replaced.Secret, stored.ProtectedSecret, StringComparison.Ordinal);
        Assert.Equal(replaced.Secret, hooks.App.Services.GetRequiredService<WebhookSecrets>().Unprotect(stored.ProtectedSecret));
        var audited = await db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(WebhookEndpoint) && e.EntityKey == made.Endpoint.Id.ToString())
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([Domain.Auditing.AuditAction.Insert, Domain.Auditing.AuditAction.Update], audited.Select(e => e.Action));
        Assert.All(audited, e => Assert.Equal(MonitoringApp.Admin, e.Actor));
        Assert.All(audited, e => Assert.Contains("\"ProtectedSecret\"", e.Changes, StringComparison.Ordinal));
        Assert.All(audited, e => Assert.DoesNotContain(stored.ProtectedSecret, e.Changes, StringComparison.Ordinal));
        Assert.All(audited, e => Assert.DoesNotContain(made.Secret, e.Changes, StringComparison.Ordinal));
        Assert.Contains("SupplierCreated,ConditionOverdue", audited[0].Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pause_StopsNewDeliveries_AndAnEditWithAnOldStampIsRefused()
    {
        var (made, _) = await hooks.RegisterAsync(WebhookEventType.SupplierCreated);
        var paused = await hooks.AsAdminAsync(s => s.SetPausedAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp, true));

        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);

        Assert.True(paused.IsPaused);
        Assert.Empty(await hooks.DeliveriesAboutAsync(made.Endpoint.Id, WebhookEventType.SupplierCreated, "supplierId", supplierId));
        await Assert.ThrowsAsync<DueDiligence.Web.Infrastructure.ConcurrencyConflictException>(() =>
            hooks.AsAdminAsync(s => s.SetPausedAsync(made.Endpoint.Id, made.Endpoint.ConcurrencyStamp, false)));
    }

    private async Task<Guid> SomeDeliveryAsync(Guid endpointId)
    {
        var supplierId = await hooks.Monitoring.NewSupplierAsync(MonitoringApp.LowCountry);
        return Assert.Single(await hooks.DeliveriesAboutAsync(endpointId, WebhookEventType.SupplierCreated, "supplierId", supplierId)).Id;
    }

    private static Task<T> AsAdminAsync<T>(WebApplicationFactory<Program> instance, Func<WebhookAdministration, Task<T>> work) =>
        AppFactory.AsUserAsync(instance.Services, MonitoringApp.Admin, MonitoringApp.AdminRole, s => work(s.GetRequiredService<WebhookAdministration>()));
}
