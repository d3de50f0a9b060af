using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.Scoring;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(48.18, 48.2)]
    [InlineData(48.15, 48.2)]
    [InlineData(48.14, 48.1)]
    [InlineData(0.05, 0.1)]
    [InlineData(-0.05, -0.1)]
    [InlineData(70, 70)]
    [InlineData(2.675, 2.7)]
    public void Round1_WhenGivenAValue_RoundsToOneDecimalWithMidpointsAwayFromZero(double value, double expected)
    {
        Assert.Equal(expected, Display.Round1(value));
    }
}
