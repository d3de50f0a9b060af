namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>What every printed page shows around the report: the marking and title in the header, the time in the footer.</summary>
public sealed record PdfDocumentInfo(string Title, string ConfidentialityMarking, DateTimeOffset GeneratedAt);
