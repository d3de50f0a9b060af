namespace DueDiligence.Domain.Common;

/// <summary>
/// A record that an analyst owns (suppliers, sourcing projects): the owner and the collaborators work on it, every
/// analyst reads it, the owner or an administrator hands it over.
/// </summary>
public interface IOwnedRecord
{
    string OwnerId { get; }

    string OwnerName { get; }

    /// <summary>How messages name the record: the supplier's legal name, the project's name in quotes.</summary>
    string RecordName { get; }

    IReadOnlyList<Collaborator> Team { get; }

    /// <summary>The owner or a collaborator.</summary>
    bool IsTeamMember(string? userId) => userId is not null && (userId == OwnerId || Team.Any(c => c.UserId == userId));
}
