using System.Text.RegularExpressions;
using Bunit;
using DueDiligence.Web.Components.Shared;
using DueDiligence.Web.Tests.Ui;

namespace DueDiligence.Web.Tests.Auditing;

/// <summary>The Changes cell of the audit log and the supplier history: labelled, readable, without technical noise, long lists collapsed.</summary>
public sealed partial class AuditChangesTests
{
    private const string SupplierChange = """
        {"HqCountry":{"before":"CN","after":"TH"},"Status":{"before":"Prospect","after":"ApprovedWithConditions"},
         "UpdatedAtUtc":{"before":"2024-11-04T17:34:46.7250615Z","after":"2025-10-28T11:30:00.0000000Z"},
         "Version":{"before":"19c9731d-42ff-43c4-b769-9ebcc6f27f0d","after":"ce207f7c-2c45-414c-b2c0-0d977d31939e"}}
        """;

    [Fact]
    public async Task Render_ForASupplierChange_ShowsLabelsAndReadableValuesWithoutIds()
    {
        await using var context = ComponentContext.Create();

        var cut = context.Render<AuditChanges>(p => p.Add(c => c.Json, SupplierChange).Add(c => c.EntityType, "Supplier"));

        var changes = cut.FindAll("[data-testid=audit-change]")
            .Select(c => $"{c.QuerySelector("dt")!.TextContent.Trim()}: {Normalize(c.QuerySelector("dd")!.TextContent)}")
            .ToList();
        Assert.Equal(["Status: from Prospect → to Approved with conditions", "HQ country: from China → to Thailand"], changes);
        Assert.DoesNotMatch(Guid(), cut.Markup);
        Assert.DoesNotContain("Version", cut.Markup, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("[data-testid=audit-changes-toggle]"));
    }

    [Fact]
    public async Task Render_WithoutTheRecordType_StillReadsTheFieldsOfTheSupplierHistory()
    {
        await using var context = ComponentContext.Create();

        var cut = context.Render<AuditChanges>(p => p.Add(c => c.Json, SupplierChange));

        Assert.Contains("Approved with conditions", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Thailand", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotMatch(Guid(), cut.Markup);
    }

    [Fact]
    public async Task Render_WhenOnlyInternalFieldsChanged_SaysSoInsteadOfShowingStamps()
    {
        await using var context = ComponentContext.Create();

        var cut = context.Render<AuditChanges>(p => p
            .Add(c => c.Json, """{"ConcurrencyStamp":{"before":"(redacted)","after":"(redacted)"}}""")
            .Add(c => c.EntityType, "AppUser"));

        Assert.Equal("Only internal fields changed.", cut.Find("[data-testid=audit-changes]").TextContent.Trim());
        Assert.DoesNotContain("ConcurrencyStamp", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("redacted", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithManyChanges_ShowsTheFirstFourUntilTheUserAsksForAll()
    {
        await using var context = ComponentContext.Create();
        const string newContact = """
            {"Id":{"after":"89ecf292-d907-48d2-814b-bbec5ffc09ad"},"Email":{"after":"lin.wei@example.cn"},"Name":{"after":"Lin Wei"},
             "Phone":{"after":"+86 755 1234 5678"},"Role":{"after":"account manager"},"SupplierId":{"after":"be6ae3dc-15e5-4fc3-b009-c08324bdef5a"},
             "Wechat":{"after":"linwei"},"Notes":{"after":"Speaks English"}}
            """;
        var names = new Dictionary<string, string> { ["be6ae3dc-15e5-4fc3-b009-c08324bdef5a"] = "Brightpath Precision Moulding Co., Ltd." };

        var cut = context.Render<AuditChanges>(p => p.Add(c => c.Json, newContact).Add(c => c.EntityType, "Contact").Add(c => c.Names, names));

        Assert.Equal(4, cut.FindAll("[data-testid=audit-change]").Count);
        var toggle = cut.Find("[data-testid=audit-changes-toggle]");
        Assert.Equal("Show all 7 changes", toggle.TextContent.Trim());
        Assert.Equal("false", toggle.GetAttribute("aria-expanded"));

        await toggle.ClickAsync(new());

        var all = cut.FindAll("[data-testid=audit-change] dt").Select(dt => dt.TextContent.Trim()).ToList();
        Assert.Equal(["Name", "Role", "E-mail", "Phone", "Supplier", "Wechat", "Notes"], all);
        Assert.Contains("Brightpath Precision Moulding Co., Ltd.", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Show fewer changes", cut.Find("[data-testid=audit-changes-toggle]").TextContent.Trim());
    }

    private static string Normalize(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex Guid();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
