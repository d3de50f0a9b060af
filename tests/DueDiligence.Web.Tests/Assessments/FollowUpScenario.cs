using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Features.Assessments;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static DueDiligence.Web.Tests.Assessments.AssessmentScenarios;
using static DueDiligence.Web.Tests.Assessments.ReviewScenarios;

namespace DueDiligence.Web.Tests.Assessments;

/// <summary>A decided assessment (approved with conditions) with one contract condition and one finding to follow up.</summary>
internal sealed record FollowUpScenario(Guid AssessmentId, Guid SupplierId, Guid ConditionId, Guid FindingId)
{
    public const string ConditionText = "Sign the NDA addendum on tooling ownership before the moulds ship.";
    public const string FindingText = "The draft contract gives us no audit rights at the tool room.";

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<FollowUpScenario> DecidedAsync(AppFactory app)
    {
        var id = await InLegalReviewAsync(app);
        await AsLegalAsync(app, async review =>
        {
            await review.AddConditionAsync(id, new ConditionDetails(ConditionText, Today.AddDays(30)));
            await review.AddFindingAsync(id, new FindingDetails(FindingSeverity.Medium, FindingText, "Add audit rights.", Today.AddDays(60)));
            await review.ForwardToDecisionAsync(id, "Legal finds no blocking issue; proceed on the recorded terms.");
        });
        await DecideAsync(app, id, DecisionOutcome.ApprovedWithConditions, "Approve once the NDA covers tooling.");
        var assessment = (await LoadAsync(app, id, Legal, LegalRole)).Assessment;
        return new(id, assessment.SupplierId, assessment.Conditions[0].Id, assessment.Findings[0].Id);
    }

    public FollowUpItem Condition => new(FollowUpKind.Condition, ConditionId);

    public FollowUpItem Finding => new(FollowUpKind.Finding, FindingId);

    /// <summary>Makes <paramref name="userId"/> a collaborator on the supplier, straight in the database.</summary>
    public async Task AddCollaboratorAsync(AppFactory app, string userId)
    {
        await using var db = await app.CreateDbContextAsync();
        var supplier = await db.Suppliers.Include(s => s.Collaborators).FirstAsync(s => s.Id == SupplierId);
        supplier.AddCollaborator(userId, userId, DateTime.UtcNow);
        await db.SaveChangesAsync();
    }
}
