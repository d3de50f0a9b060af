namespace DueDiligence.Web.Infrastructure.Moving;

/// <summary>A move refused or failed for a reason the operator can act on; the message says what to do.</summary>
public sealed class MoveDataException(string message) : Exception(message);
