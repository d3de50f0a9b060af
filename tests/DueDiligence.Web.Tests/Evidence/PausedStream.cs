namespace DueDiligence.Web.Tests.Evidence;

/// <summary>
/// An upload's content that stops after <c>pauseAfter</c> bytes until <see cref="Resume"/> is called, so that a test can
/// look at the evidence folder while the upload is running.
/// </summary>
internal sealed class PausedStream(byte[] content, int pauseAfter) : Stream
{
    private readonly TaskCompletionSource paused = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int position;

    /// <summary>Completes when the first <c>pauseAfter</c> bytes have been read and the reader waits for more.</summary>
    public Task Paused => paused.Task;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => position;
        set => throw new NotSupportedException();
    }

    public void Resume() => resumed.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (position == pauseAfter)
        {
            paused.TrySetResult();
            await resumed.Task.WaitAsync(cancellationToken);
        }

        var end = position < pauseAfter ? pauseAfter : content.Length;
        var count = Math.Min(buffer.Length, end - position);
        content.AsMemory(position, count).CopyTo(buffer);
        position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException("Read asynchronously.");

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
