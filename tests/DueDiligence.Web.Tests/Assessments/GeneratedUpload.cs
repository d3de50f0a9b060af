namespace DueDiligence.Web.Tests.Assessments;

/// <summary>
/// A large upload made up on the fly (a PDF header, then filler), so that an oversize file costs no memory. Seekable
/// like a browser upload that states its size, or not, like a network stream that does not.
/// </summary>
internal sealed class GeneratedUpload(long length, bool statesItsLength) : Stream
{
    private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();

    private long position;

    public override bool CanRead => true;

    public override bool CanSeek => statesItsLength;

    public override bool CanWrite => false;

    public override long Length => statesItsLength ? length : throw new NotSupportedException();

    public override long Position
    {
        get => statesItsLength ? position : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - position);
        for (var i = 0; i < count; i++)
        {
            var at = position + i;
            buffer[i] = at < Header.Length ? Header[at] : (byte)'a';
        }

        position += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
