using static DueDiligence.Domain.Agreements.AgreementKinds;

namespace DueDiligence.Domain.Agreements;

/// <summary>
/// The clause library a new installation starts with, and in which kinds of agreement each clause is expected. An NDA
/// protects information; an NNN adds non-use and non-circumvention and, being written for manufacturing in China and
/// similar places, tooling and improvements; an MSA carries the full set; a tooling agreement its own ownership, return
/// and audit terms; a quality agreement audit and incident reporting. Governing law and forum belong in every agreement.
/// </summary>
public static class ClauseLibraryDefaults
{
    public static IReadOnlyList<(string Name, string Purpose, AgreementKinds ExpectedIn)> Clauses { get; } =
    [
        ("Confidentiality", "The supplier keeps our information secret and discloses it to no one.", Nda | Nnn | Msa | ToolingAgreement),
        ("Non-use", "The supplier uses our information only to make our products, never for its own or others' products.", Nnn | Msa),
        ("Non-circumvention", "The supplier does not go around us to our customers or sell our products or copies of them directly.", Nnn | Msa),
        ("IP ownership and assignment of improvements", "Our IP stays ours, and improvements the supplier makes to it are assigned to us.", Nnn | Msa | ToolingAgreement),
        ("Tooling ownership and return", "Tools and moulds we pay for are ours, marked as ours, used only for us and returned on request.", Nnn | Msa | ToolingAgreement),
        ("No subcontracting without consent", "No part of the work, and none of our files, goes to a subcontractor without our written consent.", Nnn | Msa | QualityAgreement),
        ("Audit rights", "We may inspect the sites, the tooling and how our files are kept.", Msa | ToolingAgreement | QualityAgreement),
        ("Return or destruction of our files", "On request or at the end, the supplier returns or destroys our files and confirms it in writing.", Nda | Nnn | Msa),
        ("Incident reporting", "The supplier tells us promptly of any leak, loss or misuse of our information.", Nda | Nnn | Msa | QualityAgreement),
        ("Liquidated damages", "An agreed sum is due on breach, so that a claim does not depend on proving the loss.", Nnn | Msa),
        ("Governing law and forum", "Which law governs the agreement and which courts or arbitration decide disputes.", Nda | Nnn | Msa | ToolingAgreement | QualityAgreement | Other),
    ];
}
