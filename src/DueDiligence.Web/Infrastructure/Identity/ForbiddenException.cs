namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>The signed-in user may not do this to this record; the message says why.</summary>
public sealed class ForbiddenException(string message) : Exception(message);
