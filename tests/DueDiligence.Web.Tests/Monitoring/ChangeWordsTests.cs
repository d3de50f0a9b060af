using Bunit;
using DueDiligence.Domain.Monitoring;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Tests.Monitoring;

/// <summary>An entry that names several changes shows each on a line of its own; a description's own "; " stays within its line.</summary>
public sealed class ChangeWordsTests
{
    [Fact]
    public void Lines_OfAnEntryNamingAKnockOutAndTwoOverdueItems_SplitsWhereEachChangeBegins()
    {
        const string what = "Knock-out: the date answered to DD-07 (2026-09-12) has passed; Condition overdue: Audit of both sites; "
            + "then yearly (due 2026-10-01); Finding overdue: No tooling register (due 2026-09-16)";

        Assert.Equal(
            ["Knock-out: the date answered to DD-07 (2026-09-12) has passed", "Condition overdue: Audit of both sites; then yearly (due 2026-10-01)",
                "Finding overdue: No tooling register (due 2026-09-16)"],
            ChangeWording.Lines(what));
        Assert.Equal(["Luxembourg re-rated Low → Severe"], ChangeWording.Lines("Luxembourg re-rated Low → Severe"));
    }

    [Fact]
    public async Task ChangeWords_RendersEachLineWithABreakBetween()
    {
        await using var context = new BunitContext();

        var words = context.Render<ChangeWords>(p => p.Add(w => w.What, "Evidence expired: audit.pdf (SC-01, 2026-11-30); Finding overdue: X (due 2026-12-01)"));

        Assert.Equal(["Evidence expired: audit.pdf (SC-01, 2026-11-30)", "Finding overdue: X (due 2026-12-01)"], words.FindAll(".what").Select(w => w.TextContent));
        Assert.Single(words.FindAll("br"));
    }
}
