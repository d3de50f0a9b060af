namespace DueDiligence.Web.Infrastructure.Pdf;

/// <summary>A PDF could not be produced; the message tells the user why and what to do.</summary>
public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException(string message)
        : base(message)
    {
    }

    public PdfUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
