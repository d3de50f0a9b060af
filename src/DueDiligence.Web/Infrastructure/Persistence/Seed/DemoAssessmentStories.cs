namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// The demo assessments, one per workflow state, each consistent with its supplier's story. In progress (this file's
/// InProgress part): a draft, a submitted one, one in legal review, one awaiting decision with two conditions and one
/// stopped by a knock-out. Decided (the Decided part): an approval whose reassessment falls due within 60 days, an
/// approval with conditions whose reassessment is overdue, and a rejection.
/// </summary>
internal static partial class DemoAssessmentStories
{
    public const string DraftSupplier = "Lotus Delta Electronics JSC";
    public const string SubmittedSupplier = "Microline Components Sdn. Bhd.";
    public const string LegalReviewSupplier = "Waferlink Semiconductor Corp.";
    public const string AwaitingDecisionSupplier = "Oder Embedded Systems sp. z o.o.";
    public const string KnockOutSupplier = "Kinetic Design Studio Pvt. Ltd.";
    public const string ApprovedSupplier = "Eastern Seaboard AutoParts Co., Ltd.";
    public const string ApprovedWithConditionsSupplier = "Brightpath Precision Moulding Co., Ltd.";
    public const string RejectedSupplier = "Visayas Cloudworks Inc.";

    public static IReadOnlyList<DemoAssessmentStory> All =>
        [Approved, ApprovedWithConditions, Rejected, KnockOut, AwaitingDecision, LegalReview, Submitted, Draft];
}
