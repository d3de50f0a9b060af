using DueDiligence.Domain.Assessments;
using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Features.Assessments.Threads;

/// <summary>A message of a conversation as it is shown, with the name and size of its attachment, if any.</summary>
public sealed record ThreadMessage(Guid Id, string AuthorName, bool FromSupplier, string Text, DateTime SentAtUtc, string? FileName, long? FileLength)
{
    public static ThreadMessage Of(ClarificationMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new(message.Id, message.AuthorName, message.FromSupplier, message.Text, message.SentAtUtc, message.Attachment?.FileName, message.Attachment?.Length);
    }

    /// <summary>Oldest first.</summary>
    public static IReadOnlyList<ThreadMessage> ListOf(ClarificationThread thread)
    {
        ArgumentNullException.ThrowIfNull(thread);
        return thread.Messages.OrderBy(m => m.SentAtUtc).Select(Of).ToList();
    }
}

/// <summary>A file chosen to go with a message, read once when the message is sent.</summary>
public sealed record AttachmentUpload(string FileName, Stream Content);

/// <summary>
/// A message's attachment passes the same checks as evidence uploads (size, type, content) and is kept by the evidence
/// store outside the web root; a refused file records nothing, and a message that cannot be saved leaves no file behind.
/// </summary>
internal static class MessageAttachments
{
    public static Task<T> SendAsync<T>(this EvidenceStore store, AttachmentUpload? upload, Func<MessageAttachment?, Task<T>> record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(record);
        return upload is null
            ? record(null)
            : store.SaveAndRecordAsync(upload.FileName, upload.Content, stored =>
                record(new MessageAttachment(stored.OriginalFileName, stored.StorageKey, stored.Sha256, stored.Length, stored.ContentType)), cancellationToken);
    }
}
