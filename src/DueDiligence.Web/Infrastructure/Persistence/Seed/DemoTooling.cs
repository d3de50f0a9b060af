using DueDiligence.Domain.Tooling;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Our tools at the demo suppliers: a mould moved to Brightpath (approved with conditions) and a die at Eastern Seaboard
/// (approved), both in order; a die-cast die at Sierra Alloy, a prospect never assessed, which the register flags; and a
/// calibration fixture kept in-house. Made only when no tool is registered.
/// </summary>
public static class DemoTooling
{
    /// <summary>The tool the register flags: at a site of a supplier that is not approved.</summary>
    public const string FlaggedTag = "DIE-0207";

    private sealed record Demo(string Tag, string Description, string? Supplier, string Custodian, string SignedOffBy, int DaysAgo);

    private static readonly Demo[] All =
    [
        new("MLD-0101", "4-cavity injection mould, HM-4 top shell (P20 steel, our property)", DemoAssessmentStories.ApprovedWithConditionsSupplier, "Lin Wei, Brightpath tool room", "Lin Wei", 40),
        new("PRG-0033", "Progressive die, HM-4 battery clip", DemoAssessmentStories.ApprovedSupplier, "Somchai P., Eastern Seaboard die shop", "Somchai P.", 25),
        new(FlaggedTag, "Die-cast die, HM-4 aluminium frame", "Sierra Alloy Castings S.A. de C.V.", "Ing. Laura Ortiz, Sierra Alloy", "Laura Ortiz", 8),
        new("FIX-0012", "Calibration fixture, HM-4 sensor board", null, "Quality lab, Munich", "Dr. Jana Weiss", 90),
    ];

    public static async Task SeedAsync(AppDbContext db, string recordedByName, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.Tools.AnyAsync(cancellationToken))
        {
            return;
        }

        var names = All.Select(d => d.Supplier).OfType<string>().ToList();
        var suppliers = await db.Suppliers.AsNoTracking().Include(s => s.Sites).Where(s => names.Contains(s.LegalName)).ToListAsync(cancellationToken);
        foreach (var demo in All)
        {
            var registeredOn = DateOnly.FromDateTime(nowUtc.AddDays(-demo.DaysAgo - 30));
            var tool = new Tool(demo.Tag, demo.Description, ToolPlace.InHouse, "Tooling engineering, Munich", "Dr. Jana Weiss", registeredOn, recordedByName, nowUtc.AddDays(-demo.DaysAgo - 30));
            var supplier = suppliers.FirstOrDefault(s => s.LegalName == demo.Supplier);
            if (supplier is not null)
            {
                tool.Transfer(ToolPlace.AtSite(supplier, supplier.Sites.OrderBy(s => s.City, StringComparer.Ordinal).First()), demo.Custodian, demo.SignedOffBy,
                    DateOnly.FromDateTime(nowUtc.AddDays(-demo.DaysAgo)), "Shipped with the tooling agreement's inventory list.", recordedByName, nowUtc.AddDays(-demo.DaysAgo));
            }

            db.Tools.Add(tool);
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
