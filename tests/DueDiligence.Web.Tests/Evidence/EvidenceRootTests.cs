using System.Net;
using System.Security.Cryptography;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary><c>Evidence:Root</c>: the app keeps evidence in a folder outside its data directory (a share of several instances).</summary>
public sealed class EvidenceRootTests : IAsyncLifetime
{
    // Where the files go, whatever the database: SQLite seeds its demo evidence into the configured root itself.
    private readonly AppFactory _factory = new(TestDatabase.SqliteSeededAtStart);
    private readonly string _root = Path.Combine(Path.GetTempPath(), "dd-evidence-root-tests", Guid.NewGuid().ToString("N"));
    private readonly WebApplicationFactory<Program> _app;

    public EvidenceRootTests() =>
        _app = _factory.WithWebHostBuilder(builder => builder.UseSetting("Evidence:Root", _root));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task UploadAndDownload_WhenEvidenceRootIsOutsideTheDataFolder_UseThatFolderOnly()
    {
        // The demo data's evidence is uploaded through the evidence store at start-up.
        var files = await StoredEvidence.AllAsync(_app.Services);
        var legal = DemoAccounts.ForRole(AppRoles.LegalReviewer);
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Redirect, (await SignInForm.PostAsync(client, legal.Email, legal.Password)).StatusCode);

        Assert.NotEmpty(files);
        Assert.Equal(_root, _app.Services.GetRequiredService<EvidenceFolder>().Path);
        Assert.All(files, file => Assert.True(File.Exists(file.PathIn(_root)), $"{file.StorageKey} is not in Evidence:Root"));
        var defaultFolder = Path.Combine(_factory.DataDirectory, "evidence");
        Assert.False(Directory.Exists(defaultFolder) && Directory.EnumerateFiles(defaultFolder, "*", SearchOption.AllDirectories).Any());
        var download = await client.GetAsync(files[0].DownloadUrl);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.Equal(await File.ReadAllBytesAsync(files[0].PathIn(_root)), bytes);
        Assert.Equal(files[0].Sha256, Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public async Task SweepJob_WhenTheEvidenceRootHoldsAnInterruptedUpload_RemovesItAndKeepsAFreshOne()
    {
        Directory.CreateDirectory(_root);
        var interrupted = Path.Combine(_root, ".upload-old-host-12-0123456789abcdef.tmp");
        var running = Path.Combine(_root, ".upload-other-host-34-fedcba9876543210.tmp");
        File.WriteAllBytes(interrupted, [1]);
        File.WriteAllBytes(running, [2]);
        // Both times from this process's clock, which the app reads too (under scripts/test-later.sh, the file system's is the real one).
        File.SetLastWriteTimeUtc(interrupted, DateTime.UtcNow.AddHours(-5));
        File.SetLastWriteTimeUtc(running, DateTime.UtcNow);

        // The app's first round at start-up took the sweep's lease; this instance holds it and sweeps again.
        var swept = await _app.Services.GetRequiredService<InterruptedUploadSweepJob>().RunOnceAsync(CancellationToken.None);

        Assert.True(swept);
        Assert.False(File.Exists(interrupted));
        Assert.True(File.Exists(running));
    }

    [Theory]
    [InlineData("wwwroot")]
    [InlineData("wwwroot/evidence")]
    public void FromOptions_WhenTheRootIsInsideTheWebRoot_RefusesIt(string root)
    {
        var environment = new HostingEnvironment { ContentRootPath = _root };

        var refusal = Assert.Throws<InvalidOperationException>(() =>
            EvidenceFolder.FromOptions(new EvidenceOptions { Root = root }, environment, new DataDirectory(Path.Combine(_root, "data"))));

        Assert.StartsWith("Evidence:Root '", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("inside the web root", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromOptions_WhenTheRootIsRelative_ResolvesItAgainstTheContentRootAndNotTheDataDirectory()
    {
        var environment = new HostingEnvironment { ContentRootPath = _root };

        var relative = EvidenceFolder.FromOptions(new EvidenceOptions { Root = "shared/evidence" }, environment, new DataDirectory(Path.Combine(_root, "data")));
        var unset = EvidenceFolder.FromOptions(new EvidenceOptions(), environment, new DataDirectory(Path.Combine(_root, "data")));

        Assert.Equal(Path.Combine(_root, "shared", "evidence"), relative.Path);
        Assert.Equal(Path.Combine(_root, "data", "evidence"), unset.Path);
        Assert.True(Directory.Exists(relative.Path));
    }
}
