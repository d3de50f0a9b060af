using DueDiligence.Web.Infrastructure.Files;

namespace DueDiligence.Web.Tests.Evidence;

/// <summary>
/// The hard byte budget every decompression of an uploaded archive goes through. The runtime already cuts a part off at
/// its declared size, so no ZIP can reach this guard today; it is checked here on a stream that yields more than declared.
/// </summary>
public sealed class BoundedReadStreamTests
{
    [Fact]
    public void Read_WhenTheDataFitsTheBudget_ReturnsAllOfIt()
    {
        using var bounded = new BoundedReadStream(new MemoryStream(new byte[1000]), 1000, () => new InvalidOperationException("over"));

        using var copy = new MemoryStream();
        bounded.CopyTo(copy);

        Assert.Equal(1000, copy.Length);
    }

    [Fact]
    public void Read_WhenTheDataExceedsTheBudget_ThrowsAfterOneByteTooManyAndReadsNoFurther()
    {
        var inner = new MemoryStream(new byte[1_000_000]);
        using var bounded = new BoundedReadStream(inner, 1000, () => new InvalidOperationException("over"));

        var over = Assert.Throws<InvalidOperationException>(() => bounded.CopyTo(Stream.Null));

        Assert.Equal("over", over.Message);
        Assert.Equal(1001, inner.Position);
    }
}
