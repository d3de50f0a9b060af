namespace DueDiligence.Web.Infrastructure;

/// <summary>Someone else saved the record since this user loaded it; nothing was overwritten.</summary>
public sealed class ConcurrencyConflictException(string message) : Exception(message);
