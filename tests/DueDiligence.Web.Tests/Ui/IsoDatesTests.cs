using System.Globalization;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Tests.Ui;

/// <summary>Days and moments read the same on every server, whatever its culture's calendar and time separator.</summary>
public sealed class IsoDatesTests
{
    private static readonly DateOnly Day = new(2026, 12, 7);
    private static readonly DateTime Moment = new(2026, 12, 7, 21, 5, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("th-TH")] // the Thai Buddhist calendar: 2026 is 2569
    [InlineData("fi-FI")] // a time separator of its own
    [InlineData("en-US")]
    public void EveryForm_UnderThisServerCulture_IsIsoAndGregorian(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Equal("2026-12-07", IsoDates.Day(Day));
            Assert.Equal("2026-12-07", IsoDates.Day(Moment));
            Assert.Equal("2026-12-07", IsoDates.Day((DateOnly?)Day, "—"));
            Assert.Equal("2026-12-07", IsoDates.Day((DateTime?)Moment, "never"));
            Assert.Equal("2026-12-07 21:05 UTC", IsoDates.Moment(Moment));
            Assert.Equal("7 December 2026", IsoDates.InWords(Day));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void NoDay_ReadsAsTheCallerSays()
    {
        Assert.Equal("—", IsoDates.Day((DateOnly?)null, "—"));
        Assert.Equal("never", IsoDates.Day((DateTime?)null, "never"));
    }

    [Fact]
    public void TheServerCulture_WouldOtherwiseWriteAnotherYear()
    {
        // What IsoDates guards against: the format alone is not enough under a culture whose calendar is not Gregorian.
        Assert.Equal("2569-12-07", Day.ToString("yyyy-MM-dd", CultureInfo.GetCultureInfo("th-TH")));
    }
}
