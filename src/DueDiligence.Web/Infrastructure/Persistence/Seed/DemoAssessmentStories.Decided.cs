using DueDiligence.Domain.Assessments;
using static DueDiligence.Web.Infrastructure.Persistence.Seed.DemoAnswer;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

internal static partial class DemoAssessmentStories
{
    /// <summary>A long-standing stamping supplier: Medium, approved almost two years ago, so its reassessment is due within 60 days.</summary>
    private static DemoAssessmentStory Approved => new()
    {
        Supplier = ApprovedSupplier,
        Answerer = DemoAnswerer.Average,
        Timeline = new(Started: 735, Submitted: 712, ReviewStarted: 708, Forwarded: 698, Decided: 690),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-01"] = Amount(22) with { Comment = "Founded in 2003 as a stamping shop for Japanese car makers." },
            ["DD-07"] = DateIn(1460),
            ["DD-08"] = Described("Joint venture of a Thai family group (60 %) and a Japanese automotive supplier (40 %) that does not compete with us.", 1),
            ["IP-01"] = NotApplicable with { Comment = "Stamped brackets and fasteners: no patentable technology in these parts." },
            ["IP-03"] = NotApplicable with { Comment = "Functional parts with no protectable appearance." },
            ["SC-02"] = Amount(0),
            ["SC-09"] = Described(
                "Rayong only: die making and maintenance, stamping, plating and packing. We supply 2D part drawings and die designs; no assembly drawings.", 1),
        },
        Evidence =
        [
            new("DD-02", "Audited-financial-statements-3-years.pdf", "Audited financial statements, last three years",
                ["Eastern Seaboard AutoParts Co., Ltd., Rayong", "Unqualified opinions; stable revenue and low debt."], Verified: true),
            new("CT-01", "NDA-Eastern-Seaboard-signed.pdf", "Confidentiality Agreement (signed)",
                ["Between our company and Eastern Seaboard AutoParts Co., Ltd.", "Covers drawings, die designs and samples."], Verified: true),
            new("MA-02", "Site-visit-notes-Rayong.txt", "Site visit notes: Eastern Seaboard AutoParts, Rayong",
                ["Tool room tidy; our dies stored in an open rack (raised with the plant manager).", "Scrap is sold to a licensed recycler with weight tickets."],
                Verified: true),
        ],
        Findings =
        [
            new(FindingSeverity.Low,
                "Our progressive dies were kept in an open rack area of the Rayong tool room.",
                DemoOwner.Analyst,
                "Move our dies to the caged tool store and log every use.",
                DueInDays: 30, QuestionCode: "SC-07", Resolved: true),
        ],
        Decision = new(DecisionOutcome.Approved,
            "Medium residual risk on low-sensitivity tooling, solid contract terms and a supplier we have known for years. Approved without conditions."),
    };

    /// <summary>The housing moulder in China: High, approved with conditions over a year ago, so its reassessment is overdue.</summary>
    private static DemoAssessmentStory ApprovedWithConditions => new()
    {
        Supplier = ApprovedWithConditionsSupplier,
        Answerer = DemoAnswerer.Average,
        Timeline = new(Started: 445, Submitted: 420, ReviewStarted: 416, Forwarded: 409, Decided: 402),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-01"] = Amount(12),
            ["DD-07"] = DateIn(1100),
            ["DD-08"] = Described(
                "Owned through a Hong Kong holding company by the founder (85 %) and a local industrial investor (15 %). No state or competitor shareholding.", 0.75),
            ["CT-05"] = Options("FULL") with { Comment = "Accepts short-notice audits of both sites and of Pearl River Surface Finishing." },
            ["DS-03"] = Options("IN_TRANSIT") with { Comment = "CAD arrives through our file-transfer service; the file server itself is not encrypted." },
            ["DS-09"] = No with { Comment = "Camera phones are allowed on the moulding floor; only the engineering office is restricted." },
            ["PE-04"] = Amount(28) with { Comment = "High seasonal turnover among line workers after Chinese New Year." },
            ["SC-02"] = Amount(1) with { Comment = "Pearl River Surface Finishing paints and pad-prints the housings." },
            ["SC-03"] = Options("FULL") with { Comment = "Moulds and the full housing CAD are at Shenzhen; final assembly at Dongguan." },
            ["SC-05"] = Level(1) with { Comment = "No tooling register; production counts are reconciled only at month end." },
            ["MA-01"] = Options("INITIAL_ONLY") with { Comment = "Only the pre-production audit is planned so far." },
            ["SC-09"] = Described(
                "Shenzhen: mould making and maintenance, injection moulding from our CAD. Dongguan: final assembly and packing. Pearl River Surface "
                + "Finishing: painting and pad printing of our logos. Our moulds stay at Shenzhen between runs.", 0.75),
        },
        Evidence =
        [
            new("DD-07", "Business-licence-Brightpath-Shenzhen.pdf", "Business licence (certified translation)",
                ["Brightpath Precision Moulding Co., Ltd., Bao'an District, Shenzhen", "Scope: plastic injection moulding, mould making, assembly."],
                ExpiresInDays: 1100, Verified: true),
            new("CT-01", "NDA-Brightpath-signed.pdf", "Confidentiality Agreement (signed, bilingual)",
                ["Between our company and Brightpath Precision Moulding Co., Ltd.", "Non-disclosure, non-use and non-circumvention (NNN), Chinese law."],
                Verified: true),
            new("CT-02", "Mould-ownership-and-loan-agreement.pdf", "Mould ownership and loan agreement",
                ["All moulds paid by us remain our property and are lent to the supplier.", "Return within 10 days on demand; no use for third parties."],
                Verified: true),
            new("MA-02", "Site-visit-report-Shenzhen-Dongguan.pdf", "Site visit report: Brightpath, Shenzhen and Dongguan",
                ["Moulds stored without ownership plates; no tooling register.", "Camera phones allowed on the moulding floor."],
                Verified: true),
        ],
        Findings =
        [
            new(FindingSeverity.High,
                "Our moulds are stored at Shenzhen with no ownership plates and no tooling register, so nothing shows they are ours or stops runs for third parties.",
                DemoOwner.Analyst,
                "Ownership plates on every mould, a tooling register shared monthly and short-notice audits.",
                DueInDays: 60, QuestionCode: "CT-02"),
        ],
        Conditions =
        [
            new("Ownership plates fixed to every mould we own, and a tooling register with shot counts sent to us monthly.", DemoOwner.Analyst, 60),
            new("Short-notice audit of the Shenzhen and Dongguan sites within six months, then every year.", DemoOwner.Analyst, 180),
        ],
        Decision = new(DecisionOutcome.ApprovedWithConditions,
            "High residual risk, driven by China's jurisdiction risk and one site holding both the moulds and the full CAD. Approved because the "
            + "supplier signed the mould ownership agreement and accepts short-notice audits; both conditions must be met before the second production order."),
    };

    /// <summary>A customer-support outsourcer with weak data protection and a past breach: rejected three months ago.</summary>
    private static DemoAssessmentStory Rejected => new()
    {
        Supplier = RejectedSupplier,
        Answerer = DemoAnswerer.Weak,
        Timeline = new(Started: 150, Submitted: 118, ReviewStarted: 112, Forwarded: 104, Decided: 97),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-03"] = Yes with { Comment = "A former client sued in 2023 over misuse of its customer list; settled out of court." },
            ["DD-06"] = No,
            ["DD-08"] = Described(
                "Family-owned by the Reyes family through a holding company that also owns a debt-collection agency; the agency would not receive our data.", 0.5),
            ["IP-01"] = NotApplicable with { Comment = "We share customer data and brand assets, not technology." },
            ["IP-03"] = NotApplicable,
            ["IP-04"] = NotApplicable,
            ["LL-04"] = Yes with { Comment = "Fined by the National Privacy Commission in 2024 after a data breach." },
            ["SC-02"] = Amount(3) with { Comment = "Overflow calls go to three smaller BPO partners in Davao, Iloilo and Manila." },
            ["SC-08"] = NotApplicable with { Comment = "A service provider: no goods are delivered." },
            ["SC-09"] = Described(
                "Cebu City: all customer contacts, warranty records and device serial numbers, on the supplier's own file shares. Three overflow "
                + "partners get read access to the ticket system.", 0.25),
        },
        Justifications = new Dictionary<string, string>
        {
            ["DD-02"] = "The supplier sent a credit report showing losses in the last two years instead of accounts; it is filed with the supplier record.",
            ["DD-07"] = "Registration checked in the SEC online register; no scan was provided.",
            ["LL-01"] = "Rated from the supplier's questionnaire reply; no compliance documents were offered.",
            ["DS-08"] = "The supplier has no written incident-response plan; its reply describes informal escalation to the owner.",
            ["SC-01"] = "Subcontractors were named only on request, in an e-mail; no complete list was provided.",
            ["SC-06"] = "There is no destruction procedure; paper records go out with general waste collection.",
            ["PE-01"] = "The supplier reports a yearly slide-deck training; no records were offered.",
            ["PE-02"] = "The supplier says the employment contract covers confidentiality but would not show the clause.",
            ["MA-02"] = "No on-site visit: the supplier declined a visit before contract signature, so there is no report.",
        },
        Evidence =
        [
            new("CT-01", "NDA-Visayas-signed.pdf", "Confidentiality Agreement (signed)",
                ["Between our company and Visayas Cloudworks Inc.", "Covers customer personal data and warranty records."], Verified: true),
            new("DS-06", "Visayas-security-self-assessment.txt", "Security self-assessment (supplier's reply)",
                ["Vulnerability scans: when a client asks.", "Encryption: TLS for the ticket system; file shares are not encrypted.", "Access reviews: none scheduled."]),
        ],
        Findings =
        [
            new(FindingSeverity.High,
                "Customer personal data would be stored on file shares without encryption at rest and without access reviews; the supplier was "
                + "fined for a data breach in 2024.",
                DemoOwner.Legal,
                "Encryption at rest, named accounts with quarterly reviews and a breach-response plan before any customer data is transferred.",
                DueInDays: 30, QuestionCode: "DS-03"),
            new(FindingSeverity.Medium,
                "Overflow calls go to three further BPO partners that were named only on request.",
                DemoOwner.Analyst,
                "Full subcontractor list with our prior approval of each partner.",
                DueInDays: 30, QuestionCode: "SC-01"),
        ],
        Decision = new(DecisionOutcome.Rejected,
            "Customer personal data would sit unencrypted at a supplier fined for a data breach in 2024, with 42 % staff turnover and document-only "
            + "audits. Contract conditions alone cannot bring this risk down. Rejected; we will reconsider after ISO/IEC 27001 certification and an on-site audit."),
    };
}
