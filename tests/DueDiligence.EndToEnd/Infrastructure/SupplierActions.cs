using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Registering a supplier through the form, as an analyst does.</summary>
public static partial class SupplierActions
{
    /// <summary>Creates the supplier and returns the path of its page.</summary>
    public static async Task<string> CreateSupplierAsync(this IPage page, string name, string hq, params (string Country, string City)[] sites)
    {
        await page.GotoAsync("/suppliers/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("legal-name").FillAsync(name);
        await page.GetByTestId("hq-country").SelectOptionAsync(hq);
        await page.GetByTestId("category").SelectOptionAsync("ComponentMaker");
        for (var i = 0; i < sites.Length; i++)
        {
            if (i > 0)
            {
                await page.GetByTestId("add-site").ClickAsync();
            }

            await page.GetByTestId("site-country").Nth(i).SelectOptionAsync(sites[i].Country);
            await page.GetByTestId("site-city").Nth(i).FillAsync(sites[i].City);
        }

        await page.GetByTestId("exposure-category").Nth(0).SelectOptionAsync("SourceCodeFirmware");
        await page.GetByTestId("exposure-sensitivity").Nth(0).SelectOptionAsync("5");
        await page.GetByTestId("save-supplier").ClickAsync();
        await page.WaitForURLAsync(SupplierUrl());
        return new Uri(page.Url).PathAndQuery;
    }

    [GeneratedRegex(@"/suppliers/[0-9a-f-]{36}$")]
    private static partial Regex SupplierUrl();
}
