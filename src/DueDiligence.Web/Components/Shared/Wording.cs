namespace DueDiligence.Web.Components.Shared;

/// <summary>English wording for counts: "1 subcontractor", "3 subcontractors", never "1 subcontractors".</summary>
public static class Wording
{
    /// <summary>The count with the noun in the right number; pass the plural when it is not the noun plus "s".</summary>
    public static string Count(int count, string singular, string? plural = null) =>
        $"{count:N0} {(count == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>"is" or "are", to follow a count.</summary>
    public static string IsAre(int count) => count == 1 ? "is" : "are";
}
