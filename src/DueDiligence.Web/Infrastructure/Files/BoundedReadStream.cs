namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// Reads a decompressing stream with a hard byte budget: one byte more than the budget and it throws, so that a part whose
/// header understates its size can never be inflated beyond what the header declared.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long budget, Func<Exception> overBudget) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for at most one byte past the budget: enough to tell that the part holds more than it declared.
        var wanted = (int)Math.Min(buffer.Length, budget + 1 - read);
        var count = inner.Read(buffer[..wanted]);
        read += count;
        return read > budget ? throw overBudget() : count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
