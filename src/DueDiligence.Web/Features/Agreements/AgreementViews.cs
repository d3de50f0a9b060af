using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Assessments;

namespace DueDiligence.Web.Features.Agreements;

/// <summary>A supplier's agreements as one user sees them, with what that user may do.</summary>
public sealed record SupplierAgreements(
    Guid SupplierId, string SupplierName, bool CanEdit, bool CanOpenFiles, IReadOnlyList<AgreementView> Agreements,
    IReadOnlyList<Clause> Library, ConditionTarget Target);

/// <summary>One agreement with its checklist, the checks of its parties and forum, and the conditions its gaps suggest.</summary>
public sealed record AgreementView(
    Agreement Agreement, IReadOnlyList<ClauseLine> Lines, IReadOnlyList<string> ContractingFlags, Enforceability Enforceability,
    IReadOnlyList<SuggestedCondition> Suggestions)
{
    public IReadOnlyList<ClauseLine> Gaps => Lines.Where(l => l.IsGap).ToList();

    public int NotChecked => Lines.Count(l => l.Standing == ClauseStanding.NotChecked);
}

/// <summary>A contract condition a missing clause suggests; <see cref="AlreadyAdded"/> once the assessment has it.</summary>
public sealed record SuggestedCondition(Guid AgreementId, Guid ClauseId, string Description, bool AlreadyAdded);

/// <summary>
/// Where suggested conditions go: the supplier's assessment while legal reviews it or it awaits a decision (the steps
/// at which contract conditions are set), and whether this user may add them; else why not.
/// </summary>
public sealed record ConditionTarget(Guid? AssessmentId, AssessmentStatus? Status, bool CanAdd, string? WhyNot);

/// <summary>A supplier's release ledger as one user sees it.</summary>
public sealed record SupplierReleases(
    Guid SupplierId, string SupplierName, bool CanEdit, bool CanExport, IReadOnlyList<ReleaseRow> Rows,
    IReadOnlyList<AgreementOption> Agreements, IReadOnlyList<ApproverOption> Approvers);

/// <summary>One release with the title of its agreement and what is wrong with it.</summary>
public sealed record ReleaseRow(FileRelease Release, string? AgreementTitle, IReadOnlyList<string> Flags);

/// <summary>An agreement a release can name.</summary>
public sealed record AgreementOption(Guid Id, string Title);

/// <summary>A user who may approve a release: a legal reviewer or an executive.</summary>
public sealed record ApproverOption(string Id, string Name);

/// <summary>What the risk summary prints about a supplier's protections in contract and in what it holds of ours.</summary>
public sealed record AgreementsReport(IReadOnlyList<AgreementView> Agreements, IReadOnlyList<ReleaseRow> FlaggedReleases, int Releases);
