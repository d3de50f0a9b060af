using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Admin.Audit;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Tests.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;

namespace DueDiligence.Web.Tests.Lists;

/// <summary>
/// The supplier's History tab reads the audit events by the supplier they belong to (an indexed column the audited save
/// writes), not by searching every event's changes for the supplier's id.
/// </summary>
public sealed class SupplierHistoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task History_ShowsTheSupplierItsSitesItsAssessmentAndItsAnswers()
    {
        var draft = await NewDraftAsync(app);
        var supplierId = (await LoadAsync(app, draft)).Supplier.Id;
        var template = await DefaultTemplateAsync(app);
        var question = template.Definition.Sections.SelectMany(s => s.Questions).First();
        await AnswerAsync(app, draft, CompleteAnswers.Best(question));

        var history = await HistoryAsync(supplierId);

        Assert.Contains(history, e => e.EntityType == "Supplier" && e.EntityKey == supplierId.ToString() && e.Action == AuditAction.Insert);
        Assert.Contains(history, e => e.EntityType == "Site" && e.Action == AuditAction.Insert && e.Changes.Contains("Test City", StringComparison.Ordinal));
        Assert.Contains(history, e => e.EntityType == "Assessment" && e.EntityKey == draft.ToString() && e.Action == AuditAction.Insert);
        // An answer names its assessment, not the supplier: the old search of the changes' text never found it.
        Assert.Contains(history, e => e.EntityType == "AssessmentAnswer" && e.Changes.Contains(question.Code, StringComparison.Ordinal));
        Assert.All(history, e => Assert.Equal(supplierId.ToString(), e.SupplierKey));
    }

    [Fact]
    public async Task History_DoesNotShowAnotherSupplierWhoseTextNamesThisSuppliersId()
    {
        var supplierId = await NewSupplierAsync(app);
        var other = await NewSupplierAsync(app);
        await using (var db = await app.CreateDbContextAsync())
        {
            var now = DateTime.UtcNow;
            var mentioning = new Supplier(
                new SupplierProfile($"Mentioning Supplier {Guid.NewGuid():N}", CountryCode.Parse("VN"), SupplierCategory.ContractManufacturer,
                    Description: $"Replaces supplier {supplierId} from next year"),
                Analyst, Analyst, now);
            db.Suppliers.Add(mentioning);
            await db.SaveChangesAsync();
        }

        var history = await HistoryAsync(supplierId);

        Assert.NotEmpty(history);
        Assert.DoesNotContain(history, e => e.Changes.Contains("Mentioning Supplier", StringComparison.Ordinal));
        Assert.DoesNotContain(history, e => e.EntityKey == other.ToString());
    }

    [Fact]
    public async Task History_IsReadByTheSupplierIndex_WithoutSearchingTheChangesText()
    {
        var supplierId = await NewSupplierAsync(app);

        IReadOnlyList<AuditEvent> history = [];
        var statements = await CommandCounter.RecordAsync(async () => history = await HistoryAsync(supplierId));

        Assert.NotEmpty(history);
        var read = Assert.Single(statements, s => s.Contains("AuditEvents", StringComparison.Ordinal));
        Assert.Contains("SupplierKey", read, StringComparison.Ordinal);
        foreach (var search in new[] { "LIKE", "instr(", "strpos(", "CHARINDEX(" })
        {
            Assert.DoesNotContain(search, read, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task SupplierIndex_IsOutsideTheHash_AndTheChainStillVerifies()
    {
        await NewDraftAsync(app);

        var verification = await app.AsUserAsync(Admin, AdminRole, s => s.GetRequiredService<AuditLog>().VerifyAsync());

        Assert.True(verification.IsIntact, verification.Reason);
    }

    private async Task<IReadOnlyList<AuditEvent>> HistoryAsync(Guid supplierId) =>
        (await app.AsUserAsync(Legal, LegalRole, s => s.GetRequiredService<SupplierQueries>().HistoryAsync(supplierId))).Events;
}
