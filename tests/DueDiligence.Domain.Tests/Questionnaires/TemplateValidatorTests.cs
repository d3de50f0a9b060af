using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Tests.TestSupport;

namespace DueDiligence.Domain.Tests.Questionnaires;

/// <summary>One test per publication rule: the path and the administrator's message.</summary>
public sealed class TemplateValidatorTests
{
    [Fact]
    public void Validate_WhenTemplateIsComplete_FindsNoError()
    {
        Assert.Empty(TemplateValidator.Validate(Valid()));
    }

    [Fact]
    public void Validate_WhenNameIsBlank_AsksForAName()
    {
        var template = Valid().With(t => t.Name = "  ");

        AssertSingleError(template, "name", "Give the template a name.");
    }

    [Fact]
    public void Validate_WhenThereIsNoSection_AsksForOne()
    {
        var template = Valid().With(t => t.Sections.Clear());

        AssertSingleError(template, "sections", "Add at least one section.");
    }

    [Fact]
    public void Validate_WhenSectionCodeIsEmpty_AsksForACode()
    {
        var template = Valid().With(t => t.Sections[1].Code = "");

        AssertSingleError(template, "sections[1].code", "Every section needs a code.");
    }

    [Fact]
    public void Validate_WhenSectionTitleIsEmpty_AsksForATitle()
    {
        var template = Valid().With(t => t.Sections[0].Title = "");

        AssertSingleError(template, "sections[0].title", "Every section needs a title.");
    }

    [Fact]
    public void Validate_WhenSectionCodesRepeat_NamesTheFirstUse()
    {
        var template = Valid().With(t => t.Sections[1].Code = "dd");

        AssertSingleError(template, "sections[1].code", "Section code 'dd' is already used by section 1; section codes must be unique.");
    }

    [Fact]
    public void Validate_WhenQuestionCodesRepeatAcrossSections_NamesTheSectionOfTheFirstUse()
    {
        var template = Valid().With(t => t.Sections[1].Questions[0].Code = "DD-01");

        AssertSingleError(template, "sections[1].questions[0].code",
            "Question code 'DD-01' is already used in section 'DD'; question codes must be unique across the template.");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-2, "-2")]
    [InlineData(1000.001, "1000.001")]
    [InlineData(1e308, "1E+308")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Validate_WhenSectionWeightIsOutsideTheBoundsOfScoringSection6_RefusesIt(double weight, string shown)
    {
        var template = Valid().With(t => t.Sections[0].Weight = weight);

        AssertSingleError(template, "sections[0].weight", $"Section weight must be above 0 and at most 1000 (it is {shown}).");
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(-1, "-1")]
    [InlineData(1001, "1001")]
    [InlineData(1e308, "1E+308")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.NegativeInfinity, "-Infinity")]
    public void Validate_WhenQuestionWeightIsOutsideTheBoundsOfScoringSection6_RefusesIt(double weight, string shown)
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Weight = weight);

        AssertSingleError(template, "sections[1].questions[1].weight", $"Question weight must be above 0 and at most 1000 (it is {shown}).");
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(0.001)]
    public void Validate_WhenEveryWeightIsAtAnEdgeOfTheBounds_AcceptsIt(double weight)
    {
        var template = Valid().With(t =>
        {
            t.Sections.ForEach(s => s.Weight = weight);
            t.Sections.SelectMany(s => s.Questions).ToList().ForEach(q => q.Weight = weight);
        });

        Assert.Empty(TemplateValidator.Validate(template));
    }

    [Fact]
    public void Validate_WhenQuestionCodeIsEmpty_AsksForACode()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].Code = " ");

        AssertSingleError(template, "sections[0].questions[0].code", "Every question needs a code.");
    }

    [Fact]
    public void Validate_WhenQuestionTextIsEmpty_AsksForAText()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].Text = "");

        AssertSingleError(template, "sections[0].questions[0].text", "Every question needs a text.");
    }

    [Fact]
    public void Validate_WhenAReferenceIsEmpty_AsksToFillOrRemoveIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].References.Add(""));

        AssertSingleError(template, "sections[0].questions[0].references[1]", "Remove the empty reference or fill it in.");
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(1e308, "1E+308")]
    [InlineData(double.NaN, "NaN")]
    public void Validate_WhenOptionPointsAreOutsideZeroToOne_RefusesThem(double points, string shown)
    {
        var template = Valid().With(t => t.Sections[1].Questions[0].Options[1].Points = points);

        AssertSingleError(template, "sections[1].questions[0].options[1].points", $"Option points must be between 0 and 1 (it is {shown}).");
    }

    [Fact]
    public void Validate_WhenChoiceQuestionHasOneOption_AsksForTwo()
    {
        var template = Valid().With(t => t.Sections[1].Questions[2].Options.RemoveAt(1));

        AssertSingleError(template, "sections[1].questions[2].options", "A choice question needs at least two options.");
    }

    [Fact]
    public void Validate_WhenOptionCodesRepeat_RefusesTheRepeat()
    {
        var template = Valid().With(t => t.Sections[1].Questions[0].Options[1].Code = "A");

        AssertSingleError(template, "sections[1].questions[0].options[1].code",
            "Option code 'A' appears twice in this question; option codes must be unique.");
    }

    [Fact]
    public void Validate_WhenOptionCodeOrLabelIsEmpty_AsksForThem()
    {
        var template = Valid().With(t =>
        {
            t.Sections[1].Questions[0].Options[0].Code = "";
            t.Sections[1].Questions[0].Options[0].Label = "";
            t.Sections[1].Questions[0].KnockOut = null;
        });

        var errors = TemplateValidator.Validate(template);

        Assert.Contains(new TemplateError("sections[1].questions[0].options[0].code", "Every option needs a code."), errors);
        Assert.Contains(new TemplateError("sections[1].questions[0].options[0].label", "Every option needs a label."), errors);
    }

    [Fact]
    public void Validate_WhenNonChoiceQuestionHasOptions_RefusesThem()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].Options.Add(new OptionDefinition { Code = "A", Label = "A", Points = 1 }));

        AssertSingleError(template, "sections[0].questions[0].options", "Only choice questions have options; remove them or change the question type.");
    }

    [Fact]
    public void Validate_WhenNumberBandsAreNotAscending_RefusesTheOutOfOrderBound()
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Bands[1].UpTo = 2);

        AssertSingleError(template, "sections[1].questions[1].bands[1].upTo",
            "Band upper bounds must be strictly ascending: 2 is not above the previous bound 2.");
    }

    [Fact]
    public void Validate_WhenLastBandHasABound_AsksForAnOpenEndedLastBand()
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Bands[2].UpTo = 50);

        AssertSingleError(template, "sections[1].questions[1].bands[2].upTo",
            "The last band must be open-ended (no upper bound) so that every value falls in a band.");
    }

    [Fact]
    public void Validate_WhenAnEarlierBandIsOpenEnded_AsksForItsBound()
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Bands[0].UpTo = null);

        AssertSingleError(template, "sections[1].questions[1].bands[0].upTo", "Only the last band may be open-ended; give this band an upper bound.");
    }

    [Fact]
    public void Validate_WhenBandPointsAreOutsideZeroToOne_RefusesThem()
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Bands[0].Points = 2);

        AssertSingleError(template, "sections[1].questions[1].bands[0].points", "Band points must be between 0 and 1 (it is 2).");
    }

    [Fact]
    public void Validate_WhenNumberQuestionHasNoBand_AsksForOne()
    {
        var template = Valid().With(t => t.Sections[1].Questions[1].Bands.Clear());

        AssertSingleError(template, "sections[1].questions[1].bands", "A number question needs at least one band (the last one open-ended).");
    }

    [Fact]
    public void Validate_WhenNonNumberQuestionHasBands_RefusesThem()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].Bands.Add(new NumberBand { Points = 1 }));

        AssertSingleError(template, "sections[0].questions[0].bands", "Only number questions have bands; remove them or change the question type.");
    }

    [Fact]
    public void Validate_WhenKnockOutNamesAnUnknownOption_SaysSo()
    {
        var template = Valid().With(t => t.Sections[1].Questions[0].KnockOut = new KnockOutRule { Options = ["Z"] });

        AssertSingleError(template, "sections[1].questions[0].knockOut.options[0]", "The knock-out names option 'Z', which this question does not have.");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5)]
    public void Validate_WhenMaturityKnockOutLevelIsOffTheScale_RefusesIt(int level)
    {
        var template = Valid().With(t => t.Sections[0].Questions[1].KnockOut = new KnockOutRule { MaturityAtOrBelow = level });

        AssertSingleError(template, "sections[0].questions[1].knockOut.maturityAtOrBelow", $"The maturity level must be between 0 and 4 (it is {level}).");
    }

    [Fact]
    public void Validate_WhenYesNoKnockOutIsOnAnotherType_RefusesIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[1].KnockOut = new KnockOutRule { YesNo = false });

        AssertSingleError(template, "sections[0].questions[1].knockOut.yesNo", "A Yes/No knock-out only fits a Yes/No question.");
    }

    [Fact]
    public void Validate_WhenMaturityKnockOutIsOnAnotherType_RefusesIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].KnockOut = new KnockOutRule { MaturityAtOrBelow = 1 });

        AssertSingleError(template, "sections[0].questions[0].knockOut.maturityAtOrBelow", "A maturity knock-out only fits a Maturity question.");
    }

    [Fact]
    public void Validate_WhenDateKnockOutIsOnAnotherType_RefusesIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].KnockOut = new KnockOutRule { DateOnOrBeforeAsOf = true });

        AssertSingleError(template, "sections[0].questions[0].knockOut.dateOnOrBeforeAsOf", "An expired-date knock-out only fits a Date question.");
    }

    [Fact]
    public void Validate_WhenOptionKnockOutIsOnANonChoiceQuestion_RefusesIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].KnockOut = new KnockOutRule { Options = ["A"] });

        AssertSingleError(template, "sections[0].questions[0].knockOut.options", "An option knock-out only fits a single- or multiple-choice question.");
    }

    [Fact]
    public void Validate_WhenKnockOutSetsTwoKinds_AllowsOnlyOne()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].KnockOut = new KnockOutRule { YesNo = false, DateOnOrBeforeAsOf = true });

        AssertSingleError(template, "sections[0].questions[0].knockOut",
            "A knock-out rule takes one kind of answer only (a Yes/No value, options, a maturity level or an expired date).");
    }

    [Fact]
    public void Validate_WhenKnockOutSetsNothing_AsksToSetOneOrRemoveIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[0].KnockOut = new KnockOutRule());

        AssertSingleError(template, "sections[0].questions[0].knockOut", "The knock-out rule names no answer; set one or remove the rule.");
    }

    [Fact]
    public void Validate_WhenNonYesNoQuestionIsInverted_RefusesIt()
    {
        var template = Valid().With(t => t.Sections[0].Questions[1].Inverted = true);

        AssertSingleError(template, "sections[0].questions[1].inverted", "Only Yes/No questions can be inverted.");
    }

    [Fact]
    public void Validate_WhenSectionHasOnlyTextQuestions_AsksForAScoredQuestion()
    {
        var template = Valid().With(t => t.Sections.Add(Templates.Section("TX", 1, Templates.Text("TX-01"), Templates.Text("TX-02"))));

        var error = Assert.Single(TemplateValidator.Validate(template));
        Assert.Equal("sections[2].questions", error.Path);
        Assert.StartsWith("This section needs at least one scored question", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WhenSectionHasNoQuestion_AsksForOne()
    {
        var template = Valid().With(t => t.Sections[1].Questions.Clear());

        AssertSingleError(template, "sections[1].questions", "Add at least one question to this section.");
    }

    [Fact]
    public void Validate_WhenSeveralRulesAreBroken_ReportsEveryOneInTemplateOrder()
    {
        var template = Valid().With(t =>
        {
            t.Name = "";
            t.Sections[0].Weight = 0;
            t.Sections[1].Questions[0].Options[0].Points = 3;
        });

        var errors = TemplateValidator.Validate(template);

        Assert.Equal(["name", "sections[0].weight", "sections[1].questions[0].options[0].points"], errors.Select(e => e.Path));
    }

    /// <summary>A valid template with every question type, a knock-out of each kind but maturity, and references.</summary>
    internal static TemplateDefinition Valid()
    {
        return new TemplateDefinition
        {
            Name = "IP risk — overseas manufacturing",
            Description = "Default due-diligence questionnaire.",
            Sections =
            [
                Templates.Section("DD", 15,
                    Templates.YesNo("DD-01", 3).With(q =>
                    {
                        q.KnockOut = new KnockOutRule { YesNo = false };
                        q.References = ["ISO/IEC 27001:2022 A.5.20"];
                        q.EvidenceRequired = true;
                    }),
                    Templates.Maturity("DD-02", 2),
                    Templates.Date("DD-03", 1).With(q => q.KnockOut = new KnockOutRule { DateOnOrBeforeAsOf = true }),
                    Templates.Text("DD-04", 1)),
                Templates.Section("SC", 10,
                    Templates.SingleChoice("SC-01", 2, ("A", 1), ("B", 0.5), ("C", 0)).With(q => q.KnockOut = new KnockOutRule { Options = ["C"] }),
                    Templates.Number("SC-02", 1, (2, 0), (5, 0.5), (null, 1)),
                    Templates.MultipleChoice("SC-03", 1, ("X", 0.5), ("Y", 0.5)),
                    Templates.YesNo("SC-04", 1, inverted: true)),
            ],
        };
    }

    private static void AssertSingleError(TemplateDefinition template, string path, string message)
    {
        var error = Assert.Single(TemplateValidator.Validate(template));
        Assert.Equal(new TemplateError(path, message), error);
    }
}
