using DueDiligence.Domain.Sourcing;

namespace DueDiligence.Domain.Tests.Sourcing;

public sealed class PartitioningPlanTests
{
    private static readonly PlanParty Brightpath = new(Guid.NewGuid(), "Brightpath", "CN", "HQ in China");
    private static readonly PlanParty Pearl = new(Guid.NewGuid(), "Pearl River", "CN", "HQ in China");
    private static readonly PlanParty Sierra = new(Guid.NewGuid(), "Sierra", "MX", "HQ in Mexico");
    private static readonly PlanParty[] Parties = [Brightpath, Pearl, Sierra];

    [Fact]
    public void Compute_SharesAreSensitivityWeighted_PerSupplierFamilyAndInHouse()
    {
        var plan = PartitioningPlan.Compute(
        [
            Part("Shell", 4, Brightpath), Part("Clip", 1, Pearl), Part("Frame", 2, Sierra), Part("Calibration", 3, null, knowHow: true),
        ], Parties);

        Assert.Equal(10, plan.TotalWeight);
        Assert.Equal([("Brightpath", 40.0), ("Sierra", 20.0), ("Pearl River", 10.0)], plan.Suppliers.Select(s => (s.Name, s.SharePercent)));
        Assert.Equal([("HQ in China", 50.0, 2), ("HQ in Mexico", 20.0, 1)], plan.Families.Select(f => (f.Name, f.SharePercent, f.Suppliers)));
        Assert.Equal(30.0, plan.InHouse.SharePercent);
        Assert.Equal(["Calibration"], plan.InHouse.KnowHow);
        Assert.Empty(plan.Advice);
    }

    [Fact]
    public void Compute_AtExactlyHalf_IsNotOverTheLimit_AndJustAboveIs()
    {
        var half = PartitioningPlan.Compute([Part("A", 3, Brightpath), Part("B", 3, Sierra)], Parties);
        var above = PartitioningPlan.Compute([Part("A", 4, Brightpath), Part("B", 3, Sierra)], Parties);

        Assert.False(half.Suppliers[0].OverLimit);
        Assert.Empty(half.Advice);
        Assert.True(above.Suppliers[0].OverLimit);
        Assert.Equal(
            "Split: Brightpath would see 57.1 % of the design, more than 50.0 %. Give “A” to another supplier or keep it in-house to bring it to 0.0 %.",
            Assert.Single(above.Advice).Text);
    }

    [Fact]
    public void Compute_OverTheLimit_NamesTheHeaviestComponentsNeededToComeBackToTheLimit()
    {
        var plan = PartitioningPlan.Compute(
            [Part("Shell", 4, Brightpath), Part("Keypad", 3, Brightpath), Part("Clip", 1, Brightpath), Part("Frame", 2, Sierra)], Parties);

        var advice = Assert.Single(plan.Advice);
        Assert.Equal(PlanAdviceKind.SplitParty, advice.Kind);
        Assert.Equal("Split: Brightpath would see 80.0 % of the design, more than 50.0 %. Give “Shell” to another supplier or keep it in-house to bring it to 40.0 %.", advice.Text);
    }

    [Fact]
    public void Compute_FamilyOverTheLimit_WhileEachSupplierIsNot_AdvisesAnotherCountry()
    {
        var plan = PartitioningPlan.Compute([Part("Shell", 3, Brightpath), Part("Clip", 3, Pearl), Part("Frame", 4, Sierra)], Parties);

        Assert.All(plan.Suppliers, s => Assert.False(s.OverLimit));
        var advice = Assert.Single(plan.Advice);
        Assert.Equal(PlanAdviceKind.SplitFamily, advice.Kind);
        Assert.StartsWith("Split: HQ in China would see 60.0 % of the design", advice.Text, StringComparison.Ordinal);
        Assert.Contains("to a supplier in another country", advice.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, false)]
    public void Compute_SensitivityFiveKnowHowAtASupplier_IsKeptInHouse_OnlyAtFive(int sensitivity, bool advised)
    {
        var plan = PartitioningPlan.Compute([Part("Firmware", sensitivity, Brightpath, firmware: true), Part("Frame", 5, Sierra), Part("Shell", 5, null)], Parties);

        var keep = plan.Advice.Where(a => a.Kind == PlanAdviceKind.KeepInHouse).Select(a => a.Text).ToList();
        Assert.Equal(advised ? ["Keep “Firmware” in-house: it is sensitivity 5 and holds firmware, and Brightpath would make it."] : [], keep);
    }

    [Fact]
    public void Compute_SensitivityFiveAndKnowHow_AreCalledOutPerParty()
    {
        var plan = PartitioningPlan.Compute([Part("Firmware", 5, Brightpath, firmware: true), Part("Shell", 2, Brightpath), Part("Frame", 5, Sierra)], Parties);

        var brightpath = plan.Suppliers.Single(s => s.Name == "Brightpath");
        Assert.Equal(["Firmware"], brightpath.SensitivityFive);
        Assert.Equal(["Firmware"], brightpath.KnowHow);
        Assert.Equal(new[] { "Frame" }, plan.Suppliers.Single(s => s.Name == "Sierra").SensitivityFive);
    }

    [Fact]
    public void Compute_WhenOneFamilyHoldsEveryKnowHowComponent_AdvisesToSplitIt()
    {
        var plan = PartitioningPlan.Compute(
            [Part("Firmware", 2, Brightpath, firmware: true), Part("Process", 2, Pearl, knowHow: true), Part("Frame", 4, Sierra)], Parties);

        Assert.Equal(
            "HQ in China would hold every know-how component (“Firmware”, “Process”): give one of them to a supplier in another country or keep it in-house.",
            Assert.Single(plan.Advice).Text);
    }

    [Fact]
    public void Compute_WhenOneKnowHowComponentStaysInHouse_DoesNotAdviseTheKnowHowSplit()
    {
        var plan = PartitioningPlan.Compute(
            [Part("Firmware", 2, Brightpath, firmware: true), Part("Process", 2, null, knowHow: true), Part("Frame", 5, Sierra)], Parties);

        Assert.DoesNotContain(plan.Advice, a => a.Kind == PlanAdviceKind.SplitKnowHow);
    }

    [Fact]
    public void Compute_WithoutComponents_HasNoSharesAndNoAdvice()
    {
        var plan = PartitioningPlan.Compute([], Parties);

        Assert.Equal((0, 0.0), (plan.TotalWeight, plan.InHouse.SharePercent));
        Assert.Empty(plan.Suppliers);
        Assert.Empty(plan.Advice);
    }

    private static PlanComponent Part(string name, int sensitivity, PlanParty? party, bool firmware = false, bool knowHow = false) =>
        new(name, sensitivity, firmware, false, knowHow, party?.SupplierId);
}
