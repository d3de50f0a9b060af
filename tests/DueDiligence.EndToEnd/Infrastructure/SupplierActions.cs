using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Registering a supplier through the form, as an analyst does.</summary>
public static partial class SupplierActions
{
    /// <summary>Creates the supplier (HQ and site countries by ISO code) and returns the path of its page.</summary>
    public static async Task<string> CreateSupplierAsync(this IPage page, string name, string hq, params (string Country, string City)[] sites)
    {
        await page.GotoAsync("/suppliers/new");
        await page.WaitForCircuitAsync();
        await page.GetByTestId("legal-name").FillAsync(name);
        await page.GetByTestId("hq-country").PickCountryAsync(hq);
        await page.GetByTestId("category").ChooseAsync("Component maker");
        for (var i = 0; i < sites.Length; i++)
        {
            if (i > 0)
            {
                await page.GetByTestId("add-site").ClickAsync();
            }

            await page.GetByTestId("site-country").Nth(i).PickCountryAsync(sites[i].Country);
            await page.GetByTestId("site-city").Nth(i).FillUntilKeptAsync(sites[i].City);
        }

        // Adding a site re-renders the rows above it: each city must still be there before saving.
        for (var i = 0; i < sites.Length; i++)
        {
            var city = page.GetByTestId("site-city").Nth(i);
            if (await city.InputValueAsync() != sites[i].City)
            {
                await city.FillUntilKeptAsync(sites[i].City);
            }
        }

        await page.GetByTestId("exposure-category").Nth(0).ChooseAsync("Source code / firmware");
        await page.GetByTestId("exposure-sensitivity").Nth(0).ChooseAsync("5 (crown jewels)");
        await page.GetByTestId("save-supplier").ClickAsync();

        // A name like one already in the register is shown first; a second press saves the new supplier.
        var outcome = page.GetByTestId("confirm-similar").Or(page.GetByTestId("supplier-name")).Or(page.GetByTestId("form-invalid")).Or(page.GetByTestId("save-problem"));
        await outcome.First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        if (await page.GetByTestId("form-invalid").Or(page.GetByTestId("save-problem")).First.IsVisibleAsync())
        {
            await page.ScreenshotAsync("supplier-form-not-saved");
            var messages = await page.Locator(".mud-input-helper-text.mud-input-error, [data-testid=save-problem]").AllInnerTextsAsync();
            throw new InvalidOperationException($"The supplier form was not saved: {string.Join(" | ", messages)}");
        }

        if (await page.GetByTestId("confirm-similar").IsVisibleAsync())
        {
            await page.GetByTestId("save-supplier").ClickAsync();
        }

        await page.WaitForURLAsync(SupplierUrl());
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>
    /// Types the value and leaves the field, as a user does; types it again if the row was rendered anew meanwhile (the
    /// country picked just before re-renders the site row over the circuit, and under load that may land after the typing).
    /// </summary>
    public static async Task FillUntilKeptAsync(this ILocator field, string value)
    {
        for (var attempt = 1; ; attempt++)
        {
            await field.FillAsync(value);
            await field.PressAsync("Tab");
            try
            {
                await Assertions.Expect(field).ToHaveValueAsync(value, new() { Timeout = 3_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
                // Rendered anew without the value: type it again.
            }
        }
    }

    /// <summary>Registers a supplier in Estonia, starts its assessment on the default template and returns the assessment's path.</summary>
    public static async Task<string> StartAssessmentOfNewSupplierAsync(this IPage page, string supplierName)
    {
        await page.CreateSupplierAsync(supplierName, "EE", ("EE", "Tallinn"));
        await page.GetByTestId("start-assessment-link").ClickAsync();
        await page.WaitForCircuitAsync();
        await page.GetByTestId("start-assessment").ClickAsync();
        try
        {
            // The start page navigates inside the circuit: no load event to wait for, only the address.
            await Assertions.Expect(page).ToHaveURLAsync(AssessmentPath(), new() { Timeout = 20_000 });
        }
        catch (PlaywrightException e)
        {
            var problem = page.GetByTestId("start-problem");
            var said = await problem.CountAsync() > 0 ? await problem.InnerTextAsync() : "no problem shown";
            throw new InvalidOperationException($"Starting the assessment did not open it ({said}; still at {page.Url}).", e);
        }

        await page.WaitForCircuitAsync();
        await Assertions.Expect(page.GetByTestId("section-DD")).ToBeVisibleAsync();
        return new Uri(page.Url).PathAndQuery;
    }

    /// <summary>Types the ISO code into a country picker and takes the suggestion with that code ("Switzerland (CH)").</summary>
    public static async Task PickCountryAsync(this ILocator picker, string code)
    {
        await picker.FillAsync(code);
        await picker.Page.Locator(".mud-popover-open [role=option]")
            .Filter(new LocatorFilterOptions { HasTextRegex = new Regex($@"\({Regex.Escape(code)}\)\s*$") })
            .First.ClickAsync();
    }

    [GeneratedRegex(@"/suppliers/[0-9a-f-]{36}$")]
    private static partial Regex SupplierUrl();

    [GeneratedRegex(@"/assessments/[0-9a-fA-F-]{36}$")]
    private static partial Regex AssessmentPath();
}
