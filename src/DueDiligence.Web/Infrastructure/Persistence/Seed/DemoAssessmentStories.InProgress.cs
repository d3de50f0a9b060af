using DueDiligence.Domain.Assessments;
using static DueDiligence.Web.Infrastructure.Persistence.Seed.DemoAnswer;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

internal static partial class DemoAssessmentStories
{
    /// <summary>An ISO-certified PCB assembler; the analyst is a third of the way through, with the certificate uploaded.</summary>
    private static DemoAssessmentStory Draft => new()
    {
        Supplier = DraftSupplier,
        Answerer = DemoAnswerer.Average,
        Timeline = new(Started: 6),
        AnsweredSoFar = new HashSet<string>(
        [
            "DD-01", "DD-02", "DD-03", "DD-04", "DD-05", "DD-06", "DD-07", "DD-08",
            "CT-01", "CT-02", "CT-03", "CT-04", "CT-05",
            "DS-01", "DS-02", "DS-03", "DS-04", "DS-05", "DS-06",
        ]),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-01"] = Amount(11) with { Comment = "Founded in 2014; PCB assembly for European industrial customers since 2015." },
            ["DD-08"] = Described(
                "Privately held by the founding Tran family (72 %) and a Singapore investment fund (28 %). The business-register extract shows no "
                + "shareholding by competitors, state bodies or our customers.", 1),
            ["CT-01"] = Yes with { Comment = "Agreed in the kick-off call; the signed copy is expected back this week." },
            ["DS-01"] = Yes,
            ["DS-02"] = DateIn(610),
        },
        Justifications = new Dictionary<string, string>
        {
            ["DS-02"] = "The expiry date is on the ISO/IEC 27001 certificate uploaded for DS-01.",
        },
        Evidence =
        [
            new("DS-01", "ISO27001-certificate-{year}.pdf", "ISO/IEC 27001:2022 Certificate of Registration",
            [
                "Certificate no. VN-ISMS-40217",
                "Lotus Delta Electronics JSC, Ho Chi Minh City and Bac Ninh, Vietnam",
                "Scope: PCB assembly, firmware programming and final test of electronic controllers,",
                "including the handling of customer design data and firmware images.",
                "Statement of applicability version 3.",
            ], ExpiresInDays: 610),
        ],
    };

    /// <summary>A sensor-module maker that answered solidly but without certification; waiting for Legal to pick it up.</summary>
    private static DemoAssessmentStory Submitted => new()
    {
        Supplier = SubmittedSupplier,
        Answerer = DemoAnswerer.Average,
        Timeline = new(Started: 24, Submitted: 2),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-08"] = Described(
                "Subsidiary of Microline Holdings Bhd., listed on Bursa Malaysia. About 9 % is held by a state investment fund with no board seat; "
                + "no competitor or customer shareholding.", 0.75) with
            {
                Comment = "The state fund holding is passive; Legal may want to confirm.",
            },
            ["SC-02"] = Amount(0) with { Comment = "Calibration is done in-house in Penang; no subcontractor receives firmware or the procedure." },
            ["SC-09"] = Described(
                "Penang only: SMT assembly, loading of our calibration firmware, calibration and final test. Firmware images arrive encrypted "
                + "through our file-transfer service; the calibration procedure is kept in their document system with access for four engineers.", 0.75),
            ["PE-04"] = Amount(14),
        },
        Evidence =
        [
            new("DD-07", "Business-licence-Microline-Penang.pdf", "Business licence (translation)",
            [
                "Microline Components Sdn. Bhd., Bayan Lepas Industrial Zone, Penang",
                "Manufacture of electronic sensor modules and components",
                "Licence valid for 14 months from issue; renewal by the municipal council.",
            ], ExpiresInDays: 420),
            new("CT-01", "NDA-Microline-signed.pdf", "Confidentiality Agreement (signed)",
            [
                "Between our company and Microline Components Sdn. Bhd.",
                "Non-disclosure, non-use and non-circumvention of all technical information,",
                "including firmware and calibration procedures. Term: 5 years after the last disclosure.",
            ]),
            new("MA-02", "Site-visit-notes-Penang.txt", "Site visit notes: Microline, Penang",
            [
                "Visited by Ana Analyst and our supplier-quality engineer.",
                "Calibration room has badge access; four named engineers only.",
                "Production counts are reconciled weekly against purchase orders.",
                "No camera phones in the calibration room; lockers at the entrance.",
            ]),
        ],
    };

    /// <summary>A strong ASIC packaging house; Legal verified the certificate and raised the subcontracted test house.</summary>
    private static DemoAssessmentStory LegalReview => new()
    {
        Supplier = LegalReviewSupplier,
        Answerer = DemoAnswerer.Strong,
        Timeline = new(Started: 30, Submitted: 8, ReviewStarted: 4),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-08"] = Described(
                "Listed on the Taipei Exchange; the largest shareholder is the founder's holding company (31 %). No state ownership and no "
                + "shareholding by competitors or our customers.", 1),
            ["CT-08"] = Yes with { Comment = "The flow-down to Harbour Test Services is asserted by Waferlink; we have not seen the subcontract." },
            ["SC-01"] = Options("NOTIFY_ONLY") with { Comment = "Discloses Harbour Test Services but wants to notify, not ask, before changing test house." },
            ["SC-02"] = Amount(1),
            ["SC-09"] = Described(
                "Hsinchu: package and substrate design from our pad ring and bump map, assembly and burn-in. Hai Phong (Harbour Test Services): "
                + "final electrical test with test programs we supply. The full GDS stays with our foundry.", 1),
            ["LL-06"] = Described(
                "Taiwan's export-control rules on advanced semiconductor technology may require registering the transfer; local counsel sees "
                + "no route to forced disclosure.", 0.75),
        },
        Evidence =
        [
            new("DD-02", "Audited-financial-statements-3-years.pdf", "Audited consolidated financial statements, last three years",
            [
                "Waferlink Semiconductor Corp. and subsidiaries",
                "Unqualified audit opinion; revenue growth 8 % year on year.",
                "Net cash position; no going-concern remarks.",
            ]),
            new("CT-01", "NDA-Waferlink-signed.pdf", "Confidentiality Agreement (signed)",
            [
                "Between our company and Waferlink Semiconductor Corp.",
                "Non-disclosure, non-use and non-circumvention; flow-down to approved subcontractors.",
            ]),
            new("DS-01", "ISO27001-certificate-{year}.pdf", "ISO/IEC 27001:2022 Certificate of Registration",
            [
                "Certificate no. TW-27001-88315",
                "Waferlink Semiconductor Corp., Hsinchu Science Park",
                "Scope: design, assembly and test of semiconductor packages, including customer design data.",
            ], ExpiresInDays: 720, Verified: true),
            new("DS-02", "ISO27001-certificate-{year}.pdf", "ISO/IEC 27001:2022 Certificate of Registration",
            [
                "Certificate no. TW-27001-88315",
                "Valid until the date shown in the certification body's register.",
            ], ExpiresInDays: 720),
            new("SC-01", "Harbour-Test-Services-declaration.txt", "Subcontractor declaration",
            [
                "Waferlink uses one subcontractor for our parts: Harbour Test Services, Hai Phong, Vietnam.",
                "Activity: final electrical test of packaged parts with customer test programs.",
                "Waferlink will notify customers in writing before changing the test house.",
            ]),
        ],
        Findings =
        [
            new(FindingSeverity.Medium,
                "Final electrical test is subcontracted to Harbour Test Services in Hai Phong (Vietnam). The confidentiality flow-down is "
                + "asserted, but no signed subcontract was provided, and Waferlink will only notify us of a change of test house.",
                DemoOwner.Analyst,
                "Obtain the signed flow-down clauses with Harbour Test Services and make any change of test house subject to our prior approval.",
                DueInDays: 21, QuestionCode: "CT-08"),
        ],
    };

    /// <summary>A strong embedded-software partner; Legal forwarded it with two contract conditions on repository access and contractors.</summary>
    private static DemoAssessmentStory AwaitingDecision => new()
    {
        Supplier = AwaitingDecisionSupplier,
        Answerer = DemoAnswerer.Strong,
        Timeline = new(Started: 41, Submitted: 16, ReviewStarted: 13, Forwarded: 3),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-08"] = Described("Owned by its two founders (60 %) and the management team; no outside investor, no state, competitor or customer shareholding.", 1),
            ["IP-03"] = NotApplicable with { Comment = "Software only: no product appearance is shared with Oder." },
            ["SC-02"] = Amount(1) with { Comment = "One staffing agency supplies the contract developers." },
            ["SC-08"] = NotApplicable with { Comment = "Software services: nothing is shipped." },
            ["SC-09"] = Described(
                "Wroclaw office only: development of the firmware modules we assign, in our own Git repository and build servers. No production "
                + "steps, tooling or hardware design data at the supplier; development boards are on loan and listed in our asset register.", 1),
            ["PE-02"] = Yes with { Comment = "Employees sign with Oder; contract developers sign with their agency (see Legal's finding)." },
        },
        Evidence =
        [
            new("CT-01", "NDA-Oder-signed.pdf", "Confidentiality Agreement (signed)",
                ["Between our company and Oder Embedded Systems sp. z o.o.", "Covers source code, firmware and build tooling; no time limit for trade secrets."],
                Verified: true),
            new("CT-02", "Software-development-agreement-v3.pdf", "Software Development Agreement, version 3 (agreed text)",
                ["All work results, including improvements to our code, are assigned to us on creation.", "Audit rights, incident notification within 24 hours."],
                Verified: true),
            new("DS-01", "ISO27001-certificate-{year}.pdf", "ISO/IEC 27001:2022 Certificate of Registration",
                ["Certificate no. PL-ISMS-10422", "Oder Embedded Systems sp. z o.o., Wroclaw", "Scope: embedded software development for industrial customers."],
                ExpiresInDays: 700, Verified: true),
            new("DS-02", "ISO27001-certificate-{year}.pdf", "ISO/IEC 27001:2022 Certificate of Registration",
                ["Certificate no. PL-ISMS-10422", "Valid until the date shown in the certification body's register."],
                ExpiresInDays: 700, Verified: true),
            new("DS-06", "Penetration-test-summary-{year}.pdf", "Independent penetration test: management summary",
                ["External and internal test of the development network.", "No critical findings; two medium findings fixed and retested."],
                Verified: true),
            new("DS-08", "Incident-response-plan-extract.pdf", "Incident response plan (extract)",
                ["Roles, customer notification within 24 hours, evidence preservation.", "Last tabletop exercise: this spring."]),
            new("MA-02", "Site-visit-report-Wroclaw.pdf", "Site visit report: Oder Embedded Systems, Wroclaw",
                ["Badge access to the development floor; clean-desk policy observed.", "Repository access only through managed laptops with full-disk encryption."],
                Verified: true),
            new("PE-02", "Staff-confidentiality-undertaking-template.pdf", "Employee confidentiality undertaking (template)",
                ["Confidentiality continues for five years after the end of employment.", "Applies to employees; contract developers sign the agency's own form."]),
        ],
        Findings =
        [
            new(FindingSeverity.Medium,
                "About a third of the team are contract developers engaged through a staffing agency; their confidentiality undertakings are "
                + "signed with the agency, not with Oder, so they do not bind them towards us.",
                DemoOwner.Legal,
                "Require a personal confidentiality and IP-assignment undertaking in our favour from every contract developer before repository access.",
                DueInDays: 30, QuestionCode: "PE-02"),
        ],
        Conditions =
        [
            new("Our firmware repository stays on our own servers: Oder staff get named accounts with multi-factor sign-in, access logging and "
                + "quarterly access reviews before the first repository access.", DemoOwner.Analyst, 30),
            new("Every contract developer signs a personal confidentiality and IP-assignment undertaking in our favour before onboarding; the "
                + "signed list goes to Legal.", DemoOwner.Analyst, 45),
        ],
    };

    /// <summary>A design house that refuses our confidentiality agreement: a knock-out, so Critical and Do not proceed.</summary>
    private static DemoAssessmentStory KnockOut => new()
    {
        Supplier = KnockOutSupplier,
        Answerer = DemoAnswerer.Average,
        Timeline = new(Started: 52, Submitted: 21, ReviewStarted: 18, Forwarded: 5),
        Answers = new Dictionary<string, DemoAnswer>
        {
            ["DD-06"] = Yes with { Comment = "Runs its own small-appliance brand, Kinetic Home; not in our product category today." },
            ["DD-08"] = Described(
                "Two founders hold 80 %; an angel investor holds 20 % and sits on the board of a kitchen-appliance maker in Chennai.", 0.5),
            ["CT-01"] = No with
            {
                Comment = "Kinetic will only sign its own mutual NDA (two-year term, no non-use or non-circumvention clause); its counsel rejected our template twice.",
            },
            ["SC-03"] = Options("FULL") with { Comment = "A design house needs the complete CAD for the DFM review." },
            ["SC-09"] = Described(
                "Pune office only: complete product CAD, drawings and our assembly process notes for the DFM review. No production or tooling at the supplier.", 0.5),
        },
        Evidence =
        [
            new("DD-07", "Company-registration-certificate-Pune.pdf", "Certificate of incorporation and GST registration (copy)",
                ["Kinetic Design Studio Pvt. Ltd., Pune, Maharashtra", "Registered office and design studio at the same address."],
                ExpiresInDays: 420, Verified: true),
            new("CT-01", "Kinetic-mutual-NDA-counterproposal.pdf", "Mutual Non-Disclosure Agreement (supplier's counter-proposal)",
                ["Term: two years from signature.", "No non-use or non-circumvention obligation.", "Governing law: India; courts of Pune."]),
        ],
        Findings =
        [
            new(FindingSeverity.Critical,
                "The supplier refuses our confidentiality agreement and offers only a mutual NDA with a two-year term and no non-use clause. "
                + "Full product CAD cannot be shared on those terms.",
                DemoOwner.Legal,
                "Do not share CAD until our NDA, or an equivalent non-use undertaking, is signed; otherwise choose another design house.",
                DueInDays: 14, QuestionCode: "CT-01"),
        ],
    };
}
