namespace DueDiligence.Domain.Agreements;

/// <summary>Words on screen and in reports for the agreements' values.</summary>
public static class AgreementWording
{
    public static string Of(AgreementKind kind) => kind switch
    {
        AgreementKind.Nda => "NDA",
        AgreementKind.Nnn => "NNN",
        AgreementKind.Msa => "MSA",
        AgreementKind.ToolingAgreement => "Tooling agreement",
        AgreementKind.QualityAgreement => "Quality agreement",
        _ => "Other agreement",
    };

    public static string Of(ForumKind forum) => forum == ForumKind.Arbitration ? "Arbitration" : "Courts";

    public static string Of(ClauseStanding standing) => standing switch
    {
        ClauseStanding.Present => "Present",
        ClauseStanding.Missing => "Missing",
        ClauseStanding.NotApplicable => "Not applicable",
        _ => "Not checked yet",
    };

    public static string Of(ClauseStatus status) => status switch
    {
        ClauseStatus.Present => "Present",
        ClauseStatus.Missing => "Missing",
        _ => "Not applicable",
    };

    /// <summary>"Arbitration seated in Singapore", "Courts of Germany", or "No forum recorded".</summary>
    public static string Forum(Agreement agreement) => agreement switch
    {
        { Forum: ForumKind.Arbitration, ForumCountry: { } seat } => $"Arbitration seated in {seat.Name}",
        { Forum: ForumKind.Courts, ForumCountry: { } court } => $"Courts of {court.Name}",
        _ => "No forum recorded",
    };
}
