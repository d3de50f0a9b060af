using static DueDiligence.Web.Infrastructure.Persistence.Seed.DemoAnswer;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>How well a demo supplier answers the default questionnaire.</summary>
internal enum DemoAnswerer
{
    /// <summary>Certified, contractually generous, well run: a supplier one would like to trust.</summary>
    Strong,

    /// <summary>Accepts the key contract terms but has gaps in security, registration and oversight.</summary>
    Average,

    /// <summary>Few controls, loose contract terms, little transparency.</summary>
    Weak,
}

/// <summary>
/// The answers of a strong, an average and a weak supplier to every question of the default questionnaire, and what the
/// analyst writes when a question asks for evidence that was not attached. Each story adds what is particular to its
/// supplier (the free-text answers, comments, knock-outs) on top.
/// </summary>
internal static class DemoAnswerPlan
{
    private const string ContractClause =
        "Clause agreed in the negotiated supply agreement; the executed contract is kept in the legal contract repository.";

    private const string IpRegister =
        "Status confirmed by our IP counsel from the national register; the register extract is held by the IP team.";

    private static readonly Row[] Rows =
    [
        new("DD-01", Amount(18), Amount(7), Amount(3)),
        new("DD-02", Options("AUDITED_STABLE"), Options("UNAUDITED"), Options("AUDITED_CONCERNS"),
            "The supplier showed its accounts during the site visit but would not release a copy; the figures are in the visit notes."),
        new("DD-03", No, No, Yes,
            "Court-records search by our local counsel; the search log is kept by Legal and not released outside the legal team."),
        new("DD-04", No, No, No,
            "Customs-seizure and marketplace searches by our brand-protection team; the results stay in their case tool."),
        new("DD-05", Options("VERIFIED_POSITIVE"), Options("UNVERIFIED"), Options("NONE")),
        new("DD-06", No, No, Yes),
        new("DD-07", DateIn(1100), DateIn(420), DateIn(60),
            "Licence seen on the office wall during the visit and its number checked in the public business register; scan promised."),
        new("DD-08", null, null, null),
        new("CT-01", Yes, Yes, Yes,
            "Signed through our e-signature platform; the executed copy is in the legal contract repository."),
        new("CT-02", Yes, Yes, Yes, ContractClause),
        new("CT-03", Options("ARBITRATION"), Options("LOCAL_COURTS"), Options("UNDECIDED"), ContractClause),
        new("CT-04", Options("LIQUIDATED", "INTERIM", "RETURN", "TERMINATION", "INDEMNITY"), Options("INTERIM", "RETURN", "TERMINATION"), Options("TERMINATION"),
            ContractClause),
        new("CT-05", Options("FULL"), Options("ANNOUNCED"), Options("DOCUMENTS"), ContractClause),
        new("CT-06", Yes, Yes, No, ContractClause),
        new("CT-07", Amount(24), Amount(72), Amount(240), ContractClause),
        new("CT-08", Yes, Yes, No, ContractClause),
        new("CT-09", Yes, No, No, ContractClause),
        new("IP-01", Options("GRANTED"), Options("FILED"), Options("NONE"), IpRegister),
        new("IP-02", Yes, Yes, No, IpRegister),
        new("IP-03", Yes, No, No, IpRegister),
        new("IP-04", Yes, Yes, No, IpRegister),
        new("IP-05", No, No, No,
            "Watch search of the national and WIPO registers by our IP counsel; the report is held by the IP team."),
        new("IP-06", Yes, No, No, IpRegister),
        new("LL-01", Level(3), Level(2), Level(1),
            "Rated from the compliance manual and licences shown during the visit; the supplier does not release internal manuals."),
        new("LL-02", Options("RETAINED"), Options("IDENTIFIED"), Options("NONE")),
        new("LL-03", Options("STRONG"), Options("MIXED"), Options("WEAK")),
        new("LL-04", No, No, Yes),
        new("LL-05", Yes, Yes, No,
            "Checked by local counsel against the business-register extract of the contracting entity and the site owners."),
        new("LL-06", null, null, null),
        new("DS-01", Yes, No, No,
            "Checked on the certification body's public register; no copy of a certificate was provided."),
        new("DS-02", DateIn(700), NotApplicable, NotApplicable,
            "Expiry date taken from the certification body's public register."),
        new("DS-03", Options("AT_REST", "IN_TRANSIT", "ENDPOINT", "KEY_MGMT"), Options("IN_TRANSIT", "ENDPOINT"), Options("IN_TRANSIT")),
        new("DS-04", Level(3), Level(2), Level(1)),
        new("DS-05", Level(3), Level(1), Level(0)),
        new("DS-06", Options("CONTINUOUS"), Options("ANNUAL"), Options("AD_HOC"),
            "The summary of the latest scan was shown on screen; the report itself is confidential to the supplier."),
        new("DS-07", Options("PHYSICAL", "NETWORK", "APPLICATION", "ENDPOINT"), Options("PHYSICAL", "NETWORK"), Options("PHYSICAL")),
        new("DS-08", Level(3), Level(2), Level(1),
            "Incident-response procedure walked through with the IT manager during the visit; internal procedures are not released."),
        new("DS-09", Yes, Yes, No),
        new("SC-01", Options("FULL"), Options("NOTIFY_ONLY"), Options("PARTIAL"),
            "The subcontractor list is in the supplier's written questionnaire reply, filed with the supplier record."),
        new("SC-02", Amount(0), Amount(2), Amount(6)),
        new("SC-03", Options("SPLIT"), Options("PARTIAL"), Options("FULL")),
        new("SC-04", Options("TAMPER_EVIDENT", "CHAIN_OF_CUSTODY", "APPROVED_CARRIERS", "NO_LOOSE_MEDIA"), Options("APPROVED_CARRIERS", "NO_LOOSE_MEDIA"),
            Options("APPROVED_CARRIERS")),
        new("SC-05", Level(3), Level(2), Level(1)),
        new("SC-06", Yes, Yes, No,
            "Destruction procedure and the last certificates of destruction were shown on site; see the visit notes."),
        new("SC-07", Level(4), Level(2), Level(1)),
        new("SC-08", Yes, Yes, No),
        new("SC-09", null, null, null),
        new("PE-01", Level(3), Level(2), Level(1),
            "Training records of five employees sampled on site; copies are not released for privacy reasons."),
        new("PE-02", Yes, Yes, No,
            "The template of the staff confidentiality undertaking was reviewed on site; signed copies stay with the supplier's HR."),
        new("PE-03", Options("CONFIDENTIAL_CHANNEL"), Options("LINE_MANAGER"), Options("NONE")),
        new("PE-04", Amount(8), Amount(18), Amount(42)),
        new("PE-05", Yes, Yes, No),
        new("MA-01", Options("ANNUAL_PLUS"), Options("ANNUAL"), Options("INITIAL_ONLY")),
        new("MA-02", Yes, Yes, No,
            "The visit report is in the supplier's folder on the procurement share; it names staff, so it is not uploaded here."),
        new("MA-03", Options("MARKETPLACES", "TRADE_SHOWS", "CUSTOMS", "IP_FILINGS"), Options("MARKETPLACES", "CUSTOMS"), Options("MARKETPLACES")),
        new("MA-04", Level(3), Level(2), Level(1)),
        new("MA-05", Yes, No, No),
    ];

    /// <summary>The answers of this kind of supplier in questionnaire order; free-text questions are left to the story.</summary>
    public static IReadOnlyList<(string QuestionCode, DemoAnswer Answer)> For(DemoAnswerer answerer)
    {
        var answers = new List<(string, DemoAnswer)>();
        foreach (var row in Rows)
        {
            var answer = answerer switch
            {
                DemoAnswerer.Strong => row.Strong,
                DemoAnswerer.Average => row.Average,
                _ => row.Weak,
            };
            if (answer is not null)
            {
                answers.Add((row.Code, answer));
            }
        }

        return answers;
    }

    /// <summary>What the analyst writes for this question when no evidence was attached; null when the question needs none.</summary>
    public static string? JustificationFor(string questionCode) =>
        Rows.FirstOrDefault(r => r.Code == questionCode)?.Justification;

    private sealed record Row(string Code, DemoAnswer? Strong, DemoAnswer? Average, DemoAnswer? Weak, string? Justification = null);
}
