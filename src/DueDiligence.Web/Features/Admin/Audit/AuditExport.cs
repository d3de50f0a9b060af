using System.Globalization;
using System.Text;
using System.Text.Json;
using DueDiligence.Domain.Auditing;

namespace DueDiligence.Web.Features.Admin.Audit;

/// <summary>
/// Audit events written out one at a time as they are read — JSON lines or CSV — with the fields that let a receiver
/// recompute the chain (previous hash, rule version, hash), so that an export of any size never sits in memory.
/// </summary>
internal static class AuditExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task WriteJsonLinesAsync(IAsyncEnumerable<AuditEvent> events, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = Writer(output);
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            await writer.WriteAsync(JsonSerializer.Serialize(ExportedEvent.From(e), Json) + "\n");
        }
    }

    public static async Task WriteCsvAsync(IAsyncEnumerable<AuditEvent> events, Stream output, CancellationToken cancellationToken)
    {
        await using var writer = Writer(output);
        await writer.WriteAsync("id,occurredAtUtc,actor,entityType,entityKey,action,changes,previousHash,chainVersion,hash\r\n");
        await foreach (var e in events.WithCancellation(cancellationToken))
        {
            var x = ExportedEvent.From(e);
            await writer.WriteAsync(string.Join(',',
                x.Id.ToString(CultureInfo.InvariantCulture), x.OccurredAtUtc.ToString("O", CultureInfo.InvariantCulture), Quote(x.Actor), Quote(x.EntityType),
                Quote(x.EntityKey), x.Action, Quote(x.Changes), x.PreviousHash, x.ChainVersion.ToString(CultureInfo.InvariantCulture), x.Hash) + "\r\n");
        }
    }

    /// <summary>UTF-8 without a byte order mark; written asynchronously, as the server requires.</summary>
    private static StreamWriter Writer(Stream output) => new(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 16 * 1024, leaveOpen: true);

    /// <summary>RFC 4180: every text field in quotes, quotes doubled; the text itself is kept exactly, so that the hashes still match it.</summary>
    private static string Quote(string text) => $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private sealed record ExportedEvent(
        long Id, DateTime OccurredAtUtc, string Actor, string EntityType, string EntityKey, string Action, string Changes, string PreviousHash, int ChainVersion, string Hash)
    {
        public static ExportedEvent From(AuditEvent e) => new(
            e.Id, DateTime.SpecifyKind(e.OccurredAtUtc, DateTimeKind.Utc), e.Actor, e.EntityType, e.EntityKey, e.Action.ToString(), e.Changes, e.PreviousHash, e.ChainVersion, e.Hash);
    }
}
