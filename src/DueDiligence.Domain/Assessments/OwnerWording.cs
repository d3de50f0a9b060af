using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Assessments;

/// <summary>How findings and contract conditions record and show their owner: a user (id and name), never text.</summary>
internal static class OwnerWording
{
    public const string Unassigned = "Unassigned";

    /// <summary>The user's name; "Unassigned"; or "Unassigned — was: …" for a row whose owner was typed as text before owners were users.</summary>
    public static string Label(string? ownerId, string owner) =>
        ownerId is not null ? owner : owner.Length == 0 ? Unassigned : $"{Unassigned} — was: {owner}";

    /// <summary>The user's id and name, both required.</summary>
    public static (string Id, string Name) Checked(string ownerId, string ownerName) =>
        (Text.Required(ownerId, "Choose the user who owns it.", 450), Text.Required(ownerName, "Choose the user who owns it.", 200));
}
