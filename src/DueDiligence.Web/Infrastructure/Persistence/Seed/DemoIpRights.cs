using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// A small demo register (fictional rights) that shows the rights matrix at work: our word mark is registered in China only,
/// so a supplier with a Vietnamese site shows a trademark gap; the housing patent went through PCT to China, Germany and the
/// US, so Vietnam and Taiwan show patent gaps; a lapsed utility model shows "expired"; firmware and know-how are protected
/// as copyright and trade secret, which are not registered rights.
/// </summary>
public static class DemoIpRights
{
    public const string OurEntity = "Northwind Instruments GmbH";

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        if (await db.IpRights.AnyAsync(cancellationToken))
        {
            return;
        }

        IpRightDetails[] all =
        [
            new(IpRightKind.TrademarkWord, "NORTHWIND", "CN 38112245", OurEntity, [IpAssetCategory.BrandAssets, IpAssetCategory.DesignFiles],
                [Registered("CN", 2018, 2019, 2029)]),
            new(IpRightKind.TrademarkLocalScript, "NORTHWIND in Chinese characters (Nuo Si Feng)", "CN 38112246", OurEntity, [IpAssetCategory.BrandAssets],
                [Registered("CN", 2018, 2019, 2029)]),
            new(IpRightKind.Patent, "Sealed controller housing with potting channel", "WO 2021/118842", OurEntity, [IpAssetCategory.DesignFiles, IpAssetCategory.ToolingMoulds],
                [Registered("CN", 2021, 2023, 2041), Registered("DE", 2021, 2023, 2041), Registered("US", 2021, 2024, 2041),
                 new(CountryCode.Parse("IN"), RightStatus.Filed, new DateOnly(2022, 6, 1), null, null)]),
            new(IpRightKind.IndustrialDesign, "Handheld meter housing", "DM/212 774", OurEntity, [IpAssetCategory.ToolingMoulds],
                [Registered("CN", 2022, 2023, 2037), Registered("DE", 2022, 2022, 2047), Registered("MX", 2022, 2023, 2047)]),
            new(IpRightKind.UtilityModel, "Battery latch", "CN 2014 2 0331 775", OurEntity, [IpAssetCategory.DesignFiles],
                [new(CountryCode.Parse("CN"), RightStatus.Registered, new DateOnly(2014, 6, 20), new DateOnly(2014, 12, 3), new DateOnly(2024, 6, 20))]),
            new(IpRightKind.Copyright, "Controller firmware", "FW-4.x", OurEntity, [IpAssetCategory.SourceCodeFirmware], []),
            new(IpRightKind.TradeSecret, "Sensor calibration routine and coating formula", "TS-007", OurEntity,
                [IpAssetCategory.ProcessKnowHow, IpAssetCategory.FormulasRecipes, IpAssetCategory.SourceCodeFirmware], []),
        ];
        db.IpRights.AddRange(all.Select(details => new IpRight(details, nowUtc)));
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IpRightCountryDetails Registered(string country, int filed, int registered, int expires) =>
        new(CountryCode.Parse(country), RightStatus.Registered, new DateOnly(filed, 3, 1), new DateOnly(registered, 9, 1), new DateOnly(expires, 3, 1));
}
