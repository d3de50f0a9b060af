using DueDiligence.Domain.Common;
using DueDiligence.Web.Features.Tooling;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Evidence;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.ToolCustody;

/// <summary>Role and record rules of tooling custody, through the real use cases; a refusal saves nothing.</summary>
public sealed class ToolingAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly ToolingScenario _scenario = new(app);

    [Fact]
    public async Task CreateAsync_AtASiteOfSomeoneElsesSupplier_IsRefusedNamingTheOwner_AndNothingIsSaved()
    {
        var (_, place) = await _scenario.SupplierAsync("Sierra", approved: true);
        var before = await ToolCountAsync();

        var error = await Assert.ThrowsAsync<ForbiddenException>(() => _scenario.ToolAsync(place, ToolingScenario.OtherAnalyst));

        Assert.StartsWith("Only the owner (ana@test) and collaborators can handle our tooling at Sierra", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await ToolCountAsync());
    }

    [Theory]
    [InlineData("LegalReviewer")]
    [InlineData("Executive")]
    [InlineData("Admin")]
    public async Task CreateAsync_WhenNotAnAnalyst_IsRefused(string role)
    {
        var error = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync("x@test", [role], s => s.GetRequiredService<ToolingCommands>().CreateAsync(
            new NewToolInput { Tag = "NOPE-1", Description = "Mould", Place = ToolingScenario.Place(ToolPlaceInput.InHouse) })));

        Assert.Equal("This needs the role Procurement analyst.", error.Message);
    }

    [Fact]
    public async Task TransferAsync_ByAnAnalystOutsideTheTeamOfWhereTheToolIs_IsRefused()
    {
        var (_, place) = await _scenario.SupplierAsync("Brightpath", approved: true);
        var tool = await _scenario.ToolAsync(place);
        var move = await _scenario.TransferAsync(tool, ToolPlaceInput.InHouse);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(ToolingScenario.OtherAnalyst, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().TransferAsync(move)));

        Assert.Single((await _scenario.ViewAsync(tool))!.Tool.Transfers);
    }

    [Fact]
    public async Task TransferAsync_OfAnInHouseToolToSomeoneElsesSupplier_IsRefused()
    {
        var (_, place) = await _scenario.SupplierAsync("Brightpath", approved: true);
        var tool = await _scenario.ToolAsync(ToolPlaceInput.InHouse, ToolingScenario.OtherAnalyst);
        var move = await _scenario.TransferAsync(tool, place);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(ToolingScenario.OtherAnalyst, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().TransferAsync(move)));

        Assert.Equal(ToolPlaceInput.InHouse, (await _scenario.ViewAsync(tool))!.Tool.PlaceName.ToLowerInvariant());
    }

    [Fact]
    public async Task TransferAsync_ToASiteOfAnUnapprovedSupplier_IsFlagged_AndAudited()
    {
        var (_, approvedPlace) = await _scenario.SupplierAsync("Eastern", approved: true);
        var (_, prospectPlace) = await _scenario.SupplierAsync("Sierra", approved: false);
        var tool = await _scenario.ToolAsync(approvedPlace);
        Assert.Null((await _scenario.ViewAsync(tool))!.Flag);

        var move = await _scenario.TransferAsync(tool, prospectPlace);
        await app.AsUserAsync(ToolingScenario.Owner, ToolingScenario.Analyst, s => s.GetRequiredService<ToolingCommands>().TransferAsync(move));

        var view = (await _scenario.ViewAsync(tool, "lee@test", ToolingScenario.Legal))!;
        Assert.Matches("^Sierra [0-9a-f]{6} is not an approved supplier \\(a prospect, never assessed\\)\\.$", view.Flag);
        Assert.False(view.CanHandle);
        var flagged = await app.AsUserAsync("eve@test", ToolingScenario.Executive, s => s.GetRequiredService<ToolingQueries>().ListAsync(new ToolFilter(FlaggedOnly: true)));
        Assert.Contains(flagged, r => r.Id == tool);
        await using var db = await app.CreateDbContextAsync();
        Assert.True(await db.AuditEvents.AnyAsync(e => e.EntityType == "ToolTransfer" && e.Actor == ToolingScenario.Owner && e.Changes.Contains("Laura Ortiz")));
    }

    [Fact]
    public async Task AddPhotoAsync_ByAnAnalystOutsideTheTeam_IsRefused_AndNoFileIsKept()
    {
        var (_, place) = await _scenario.SupplierAsync("Brightpath", approved: true);
        var tool = await _scenario.ToolAsync(place);
        var files = EvidenceFiles();

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsUserAsync(ToolingScenario.OtherAnalyst, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().AddPhotoAsync(tool, "mould.png", new MemoryStream(SampleFiles.Png()))));

        Assert.Equal(files, EvidenceFiles());
        Assert.Empty((await _scenario.ViewAsync(tool))!.Tool.Photos);
    }

    [Fact]
    public async Task AddPhotoAsync_WithAnExecutableNamedPng_IsRefusedByTheEvidenceChecks()
    {
        var tool = await _scenario.ToolAsync(ToolPlaceInput.InHouse);
        var files = EvidenceFiles();

        var error = await Assert.ThrowsAsync<EvidenceRejectedException>(() => app.AsUserAsync(ToolingScenario.Owner, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().AddPhotoAsync(tool, "mould.png", new MemoryStream(SampleFiles.WindowsExecutable()))));

        Assert.Contains("mould.png", error.Message, StringComparison.Ordinal);
        Assert.Equal(files, EvidenceFiles());
    }

    [Fact]
    public async Task AddPhotoAsync_WithAPdf_IsRefusedAsNotAPhoto()
    {
        var tool = await _scenario.ToolAsync(ToolPlaceInput.InHouse);

        var error = await Assert.ThrowsAsync<DomainException>(() => app.AsUserAsync(ToolingScenario.Owner, ToolingScenario.Analyst,
            s => s.GetRequiredService<ToolingCommands>().AddPhotoAsync(tool, "inventory.pdf", new MemoryStream(SampleFiles.Pdf()))));

        Assert.Equal("“inventory.pdf” is not a photo: attach a PNG or JPEG picture.", error.Message);
    }

    private async Task<int> ToolCountAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Tools.CountAsync();
    }

    private string[] EvidenceFiles()
    {
        var folder = Path.Combine(app.DataDirectory, "evidence");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];
    }
}
