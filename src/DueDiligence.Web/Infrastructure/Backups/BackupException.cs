namespace DueDiligence.Web.Infrastructure.Backups;

/// <summary>A backup or restore was refused or failed; the message says why and what to do. Nothing half-done is left unsaid.</summary>
public sealed class BackupException(string message) : Exception(message);
