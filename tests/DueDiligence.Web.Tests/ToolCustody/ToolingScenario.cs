using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Features.Tooling;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.ToolCustody;

/// <summary>Suppliers owned by Ana, and tools registered and moved through the real use cases.</summary>
internal sealed class ToolingScenario(AppFactory app)
{
    public const string Owner = "ana@test";
    public const string OtherAnalyst = "bob@test";
    public static readonly string[] Analyst = [AppRoles.Analyst];
    public static readonly string[] Legal = [AppRoles.LegalReviewer];
    public static readonly string[] Executive = [AppRoles.Executive];
    public static readonly string[] Admin = [AppRoles.Admin];

    /// <summary>A supplier of Ana's with one site; approved by a decision when asked.</summary>
    public async Task<(Guid SupplierId, string Place)> SupplierAsync(string stem, bool approved)
    {
        var name = $"{stem} {Guid.NewGuid().ToString("N")[..6]}";
        var id = await app.AsUserAsync(Owner, Analyst, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = name,
            HqCountry = "MX",
            Category = SupplierCategory.ComponentMaker,
            Sites = [new SiteInput { Country = "MX", City = "Monterrey", Activities = SiteActivity.Tooling }],
            Exposure = [new ExposureInput { Category = IpAssetCategory.ToolingMoulds, Sensitivity = 3 }],
        }));
        await using var db = await app.CreateDbContextAsync();
        var supplier = await db.Suppliers.Include(s => s.Sites).FirstAsync(s => s.Id == id);
        if (approved)
        {
            supplier.RecordDecision(SupplierStatus.Approved, RiskTier.Low, 12, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(1), DateTime.UtcNow);
            await db.SaveChangesAsync();
        }

        return (id, ToolPlaceInput.SiteValue(id, supplier.Sites[0].Id));
    }

    public Task<Guid> ToolAsync(string place, string user = Owner) =>
        app.AsUserAsync(user, Analyst, s => s.GetRequiredService<ToolingCommands>().CreateAsync(new NewToolInput
        {
            Tag = $"T-{Guid.NewGuid().ToString("N")[..8]}",
            Description = "Die-cast die, frame",
            Place = Place(place),
        }));

    public async Task<ToolTransferInput> TransferAsync(Guid toolId, string place)
    {
        var view = await ViewAsync(toolId);
        return new ToolTransferInput { ToolId = toolId, Version = view!.Tool.Version, Place = Place(place, "Laura Ortiz") };
    }

    public Task<ToolView?> ViewAsync(Guid toolId, string user = Owner, string[]? roles = null) =>
        app.AsUserAsync(user, roles ?? Analyst, s => s.GetRequiredService<ToolingQueries>().GetAsync(toolId));

    public static ToolPlaceInput Place(string place, string custodian = "Tooling engineering") =>
        new() { Place = place, Custodian = custodian, SignedOffBy = "Jana Weiss", SignedOn = DateTime.UtcNow.Date };
}
