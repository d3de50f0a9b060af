using System.Text.RegularExpressions;
using Bunit;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using DueDiligence.Web.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>The audit log page on the demo data's real trail, as an administrator sees it.</summary>
public sealed partial class AuditLogPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task AuditLog_OnTheDemoTrail_NamesRecordsAndShowsNoIdsEnumNamesOrStamps()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);

        var cut = context.Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=audit-record]").Count), TimeSpan.FromSeconds(10));

        // The newest events of the demo trail are its later seeds; one supplier's own events include its decision.
        await using (var db = await app.CreateDbContextAsync())
        {
            var brightpath = await db.Suppliers.Where(x => x.LegalName == "Brightpath Precision Moulding Co., Ltd.").Select(x => x.Id).SingleAsync();
            cut.Find("input[data-testid=filter-record-key]").Input(brightpath.ToString());
        }

        await cut.Find("[data-testid=apply-filters]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll("[data-testid=audit-record]"), r => r.TextContent.Contains("Supplier changed", StringComparison.Ordinal)), TimeSpan.FromSeconds(10));
        var records = cut.FindAll("[data-testid=audit-record]").Select(r => Whitespace().Replace(r.TextContent, " ").Trim()).ToList();
        Assert.Contains(records, r => r.StartsWith("Supplier changed", StringComparison.Ordinal) && r.Contains("Brightpath Precision Moulding Co., Ltd.", StringComparison.Ordinal));
        var changes = string.Join("\n", cut.FindAll("[data-testid=audit-changes]").Select(c => c.TextContent));
        Assert.Contains("Approved with conditions", changes, StringComparison.Ordinal);
        Assert.DoesNotMatch(Guid(), string.Join("\n", records) + changes);
        Assert.DoesNotContain("ApprovedWithConditions", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Stamp", changes, StringComparison.Ordinal);
        Assert.DoesNotContain("Version", changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyTheChain_OnAnUntouchedTrail_SaysItIsIntact()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var cut = context.Render<AuditLogPage>();
        cut.WaitForElement("[data-testid=verify-chain]", TimeSpan.FromSeconds(10));

        await cut.Find("[data-testid=verify-chain]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Matches(
            @"^Chain intact: all [\d,]+ events verify \([\d,]+ by rule 2, keyed HMAC-SHA256\)\. It matches the checkpoint of \d{4}-\d\d-\d\d \d\d:\d\d UTC\.$",
            Whitespace().Replace(cut.Find("[data-testid=chain-result]").TextContent, " ").Trim()));
    }

    [Fact]
    public async Task CheckWhatIsNew_AfterAFullVerification_SaysWhereItStartedAndThatEarlierEventsWereNotRecomputed()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var cut = context.Render<AuditLogPage>();
        cut.WaitForElement("[data-testid=verify-chain]", TimeSpan.FromSeconds(10));
        await cut.Find("[data-testid=verify-chain]").ClickAsync(new());
        cut.WaitForAssertion(() => Assert.StartsWith("Chain intact", cut.Find("[data-testid=chain-result]").TextContent.Trim(), StringComparison.Ordinal));

        await cut.Find("[data-testid=quick-check]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Matches(
            @"^No change since the full verification of \d{4}-\d\d-\d\d \d\d:\d\d UTC: the trail still ends there with the MAC and the [\d,]+ events it recorded, and the [\d,]+ events? written since then verify.* Only a full verification recomputes the earlier events\.$",
            Whitespace().Replace(cut.Find("[data-testid=chain-result]").TextContent, " ").Trim()));
    }

    [Fact]
    public async Task VerifyAgainstReceipt_WithAReceiptDownloadedEarlier_SaysTheChainMatchesIt()
    {
        var receipt = await app.AsUserAsync("admin-tester", [AppRoles.Admin], s => s.GetRequiredService<AuditLog>().IssueReceiptAsync());
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var cut = context.Render<AuditLogPage>();
        cut.WaitForElement("[data-testid=verify-receipt]", TimeSpan.FromSeconds(10));

        cut.Find("textarea[data-testid=receipt-text]").Input(receipt!.Json);
        await cut.Find("[data-testid=verify-receipt]").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Matches(
            @"^Chain intact: .* It matches the receipt of \d{4}-\d\d-\d\d \d\d:\d\d UTC and the checkpoint of .* UTC\.$",
            Whitespace().Replace(cut.Find("[data-testid=chain-result]").TextContent, " ").Trim()));
    }

    [Fact]
    public async Task Filters_ByUser_ShowOnlyThatUsersEvents_AndAreKeptInTheAddressOnceApplied()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var navigation = context.Bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/admin/audit");
        var cut = context.Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=audit-record]")), TimeSpan.FromSeconds(10));
        Assert.Single(cut.FindAll("[data-circuit-pausable]"));

        // Typed and not applied: only the page has it, so it keeps its circuit in a hidden tab (docs/adr/0011).
        cut.Find("input[data-testid=filter-actor]").Input("nobody-at-all");
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-circuit-pausable]")), TimeSpan.FromSeconds(5));
        await cut.Find("[data-testid=apply-filters]").ClickAsync(new());

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll("[data-testid=audit-record]"));
            Assert.Contains("No event matches these filters.", cut.Markup, StringComparison.Ordinal);
            Assert.EndsWith("/admin/audit?by=nobody-at-all", navigation.Uri, StringComparison.Ordinal);
            Assert.Single(cut.FindAll("[data-circuit-pausable]"));
        });
    }

    [Fact]
    public async Task Address_WithFiltersAndAPage_OpensTheLogOnThem()
    {
        await using var context = ComponentContext.Create(app, "admin-tester", AppRoles.Admin);
        var navigation = context.Bunit.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("/admin/audit?from=2000-01-01&page=2&size=50");

        var cut = context.Render<AuditLogPage>();

        cut.WaitForAssertion(() =>
        {
            Assert.StartsWith("51–", cut.Find("[data-testid=pager-info]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.Equal(50, cut.FindAll("[data-testid=audit-record]").Count);
        }, TimeSpan.FromSeconds(10));
        Assert.Equal("2000-01-01", cut.Find("input[data-testid=filter-from]").GetAttribute("value"));

        // A link to another filter (Back, the menu) shows it from its first page.
        navigation.NavigateTo("/admin/audit?type=Supplier");
        cut.WaitForAssertion(() =>
        {
            Assert.StartsWith("1–", cut.Find("[data-testid=pager-info]").TextContent.Trim(), StringComparison.Ordinal);
            Assert.All(cut.FindAll("[data-testid=audit-record]"), r => Assert.StartsWith("Supplier", r.TextContent.Trim(), StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(10));
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
