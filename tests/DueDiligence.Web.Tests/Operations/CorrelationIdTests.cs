using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Observability;
using Microsoft.AspNetCore.Components.Server.Circuits;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DueDiligence.Web.Tests.Operations;

/// <summary>
/// One correlation id per request: the caller's when well formed, answered in X-Correlation-Id and in the scope of every
/// log line; one per circuit, in the scope of every line its events log.
/// </summary>
public sealed class CorrelationIdTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "X-Correlation-Id";

    [Fact]
    public async Task Request_WithAWellFormedCorrelationId_AnswersItAndLogsUnderIt()
    {
        var log = new CapturingLoggerProvider(LogLevel.Warning);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        using var client = logged.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var token = await SignInForm.OpenAsync(client);
        var id = $"erp-{Guid.NewGuid():N}";
        client.DefaultRequestHeaders.Add(Header, id);

        var response = await SignInForm.PostAsync(client, token, DemoAccounts.ForRole(AppRoles.Analyst).Email, "not-the-password-2026");

        Assert.Equal(id, response.Headers.GetValues(Header).Single());
        var refusal = Assert.Single(log.Entries, e => e.Line.StartsWith("Sign-in of account", StringComparison.Ordinal) && e.ScopeValue("CorrelationId") == id);
        Assert.Contains("refused", refusal.Line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two words")]
    [InlineData("line\nbreak")]
    [InlineData("")]
    [InlineData("a-very-long-id-0123456789-0123456789-0123456789-0123456789-0123456789")]
    public async Task Request_WithAMalformedOrNoCorrelationId_GetsANewOne(string given)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        if (given.Length > 0)
        {
            request.Headers.TryAddWithoutValidation(Header, given);
        }

        var response = await client.SendAsync(request);

        var answered = response.Headers.GetValues(Header).Single();
        Assert.NotEqual(given, answered);
        Assert.Matches("^[0-9a-f]{32}$", answered);
    }

    [Fact]
    public async Task TwoRequests_WithoutCorrelationIds_GetDifferentOnes()
    {
        using var client = app.CreateClient();

        var first = (await client.GetAsync("/health/live")).Headers.GetValues(Header).Single();
        var second = (await client.GetAsync("/health/live")).Headers.GetValues(Header).Single();

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task AnErrorPage_StillAnswersTheCorrelationId()
    {
        using var client = app.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/no/such/page");
        request.Headers.Add(Header, "support-ticket-4711");

        var response = await client.SendAsync(request);

        Assert.Equal("support-ticket-4711", response.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task WhatACircuitDoes_IsLoggedUnderTheCircuitsOwnId_AndEveryCircuitHasItsOwn()
    {
        var log = new CapturingLoggerProvider(LogLevel.Information);
        await using var logged = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ILoggerProvider>(log)));
        await using var first = logged.Services.CreateAsyncScope();
        await using var second = logged.Services.CreateAsyncScope();
        var circuit = first.ServiceProvider.GetServices<CircuitHandler>().OfType<CircuitCorrelation>().Single();
        var other = second.ServiceProvider.GetServices<CircuitHandler>().OfType<CircuitCorrelation>().Single();
        var pageLogger = first.ServiceProvider.GetRequiredService<ILogger<CorrelationIdTests>>();

        // As the framework runs a click or a navigation of the circuit: through the handler's inbound activity.
        await circuit.CreateInboundActivityHandler(_ =>
        {
            pageLogger.LogInformation("A click handled.");
            return Task.CompletedTask;
        })(null!);

        var line = Assert.Single(log.Entries, e => e.Line.StartsWith("A click handled.", StringComparison.Ordinal));
        Assert.Equal(circuit.Id, line.ScopeValue(CircuitCorrelation.ScopeKey));
        Assert.Matches("^[0-9a-f]{32}$", circuit.Id);
        Assert.NotEqual(circuit.Id, other.Id);
    }
}
