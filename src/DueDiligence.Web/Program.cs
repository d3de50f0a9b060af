using DueDiligence.Web.Components;
using DueDiligence.Web.Features;
using DueDiligence.Web.Features.Account.TwoFactor;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Backups;
using DueDiligence.Web.Infrastructure.Circuits;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Health;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Moving;
using DueDiligence.Web.Infrastructure.Notifications;
using DueDiligence.Web.Infrastructure.Observability;
using DueDiligence.Web.Infrastructure.Pdf;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using MudBlazor;
using MudBlazor.Services;

// "backup" and "restore" run a maintenance command instead of the web server (docs/operations.md).
if (BackupCommandLine.IsCommand(args))
{
    return await BackupCommandLine.RunAsync(args, Console.Out, Console.Error);
}

// "move-data" copies a SQLite installation into an empty server database (docs/operations.md).
if (MoveDataCommandLine.IsCommand(args))
{
    return await MoveDataCommandLine.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddObservability();
builder.Services.AddTrustedProxies();
builder.Services.AddSecurityHeaders();
// First, so that the data directory is marked in use before anything opens it.
builder.Services.AddHostedService<DataDirectoryLock>();
builder.Services.AddPersistence();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddEvidenceStore();
builder.Services.AddPdfReports(builder.Configuration);
builder.Services.AddAppIdentity();
builder.Services.AddApi();
builder.Services.AddAppHealthChecks();
builder.Services.AddApiDocument();
builder.Services.AddAppRateLimiting();
builder.Services.AddHttpContextAccessor();
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingIdentityAuthenticationStateProvider>();
builder.Services.AddAuthorization(options =>
{
    // Every endpoint needs a signed-in user unless it says [AllowAnonymous].
    options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
});
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCircuitPause();
builder.Services.AddMudServices(options =>
{
    // Bottom right: messages never cover the page header's actions.
    options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
    options.SnackbarConfiguration.ShowCloseIcon = true;
    options.SnackbarConfiguration.PreventDuplicates = true;
});
builder.Services.AddFeatures();

var app = builder.Build();

app.UseObservability();
app.UseTrustedProxies();
app.UseSecurityHeaders(app.Environment);
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/error", createScopeForErrors: true);
}

app.UseStatusCodePagesWithReExecute("/status/{0}");
// Static assets answer here (ShortCircuit below), before the session cookie is read, validated or renewed.
app.UseRouting();
app.UseAuthentication();
app.UseAppRateLimiting();
app.UseFeatureGuards();
app.UseTwoFactorPolicy();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous().ShortCircuit();
app.MapAppHealthChecks();
app.MapFeatureEndpoints();
app.MapApiReference();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .Add(endpoint =>
    {
        // The framework's own scripts (blazor.web.js) must load on the sign-in page.
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } && route.TrimStart('/').StartsWith("_framework/", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
        }

        // The circuit's connection: signed-in users and supplier portal visitors, whose page checks their portal session on every action.
        if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } hub } && hub.TrimStart('/').StartsWith("_blazor", StringComparison.Ordinal))
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(FeatureSetup.CircuitPolicy));
        }
    });

await app.RunAsync();
return 0;

/// <summary>Entry point; public so that WebApplicationFactory can start the app in tests.</summary>
public partial class Program;
