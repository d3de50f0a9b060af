using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>The scoring model of SCORING.md as a pure function: same input, same explained result.</summary>
public static class ScoringEngine
{
    public const int HighestSensitivity = 5;

    public static ScoreResult Score(ScoringInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Template);
        ArgumentNullException.ThrowIfNull(input.Policy);
        if (input.MaxSensitivity is < 0 or > HighestSensitivity)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MaxSensitivity, "The highest sensitivity is 0 (no IP shared) or 1 to 5.");
        }

        var policy = input.Policy;
        var answers = new CodeLookup<Answer>(input.Answers, static a => a.QuestionCode, "answer");
        var evidence = new CodeLookup<EvidenceState>(input.Evidence, static e => e.QuestionCode, "evidence entry");
        var controls = new ControlTally(input.Template.Sections.Count);

        var sections = new SectionScore[input.Template.Sections.Count];
        for (var s = 0; s < sections.Length; s++)
        {
            sections[s] = ScoreSection(input, s, answers, evidence, controls);
        }

        answers.Finish();
        evidence.Finish();

        var controlScore = controls.WeightDenominator > 0 ? Percent(controls.WeightedSectionSum / controls.WeightDenominator) : 0;
        var exposure = policy.ExposurePerSensitivityLevel * input.MaxSensitivity;
        var (jurisdiction, jurisdictionRisk) = Worst(input.Jurisdictions, policy);
        var inherent = exposure * (policy.InherentBaseFactor + (policy.InherentJurisdictionFactor * jurisdictionRisk / 100));
        var residual = Residual(inherent, controlScore, policy);
        FiniteFigures.Require(input.Template, controlScore, jurisdictionRisk, inherent, residual);
        var tierByScore = policy.TierFor(residual);
        var tier = controls.UnwaivedKnockOuts > 0 ? RiskTier.Critical : tierByScore;

        return new ScoreResult
        {
            PolicyId = policy.Id,
            Policy = policy,
            AsOf = input.AsOf,
            Sections = sections,
            HasScore = controls.WeightDenominator > 0,
            ControlScore = controlScore,
            Completion = controls.RequiredApplicable == 0 ? 1 : (double)controls.RequiredAnswered / controls.RequiredApplicable,
            EvidenceCoverage = controls.EvidenceApplicable == 0 ? null : (double)controls.EvidenceAttached / controls.EvidenceApplicable,
            KnockOuts = controls.KnockOuts ?? [],
            MaxSensitivity = input.MaxSensitivity,
            Exposure = exposure,
            JurisdictionRisk = jurisdictionRisk,
            Jurisdiction = jurisdiction,
            JurisdictionIsUnknown = jurisdiction?.IsUnknown ?? true,
            InherentRisk = inherent,
            ResidualRisk = residual,
            TierByScore = tierByScore,
            Tier = tier,
            Recommendation = ScoringPolicy.RecommendationFor(tier),
            ReassessmentMonths = policy.ReassessmentMonths(tier),
            WhatWouldChangeTier = TierChanges.Rank(input.Template, sections, controls, inherent, residual, policy),
        };
    }

    /// <summary>Keeps a 0–100 figure within its range when floating-point rounding lands a hair above 100.</summary>
    internal static double Percent(double value)
    {
        return Math.Min(100, value);
    }

    internal static double Residual(double inherent, double controlScore, ScoringPolicy policy)
    {
        return inherent * (1 - (policy.ControlEffectiveness * controlScore / 100));
    }

    private static SectionScore ScoreSection(
        ScoringInput input,
        int sectionIndex,
        CodeLookup<Answer> answers,
        CodeLookup<EvidenceState> evidence,
        ControlTally controls)
    {
        var section = input.Template.Sections[sectionIndex];
        var questions = new QuestionScore[section.Questions.Count];
        double weightedSum = 0, countedWeight = 0;
        var counted = 0;
        for (var q = 0; q < questions.Length; q++)
        {
            var question = section.Questions[q];
            var answer = answers.Find(question.Code);
            var reading = AnswerReading.Read(question, answer, input.AsOf, input.Policy);
            var evidenceStatus = EvidenceOf(question, evidence, input.AsOf);
            controls.Count(question, reading, evidenceStatus);

            if (reading is { HasAnswer: true, NotApplicable: false } && question.KnockOut is { } rule && input.Policy.KnockOutsEnabled)
            {
                controls.CheckKnockOut(question, rule, answer!, section.Code, sectionIndex, q, input);
            }

            if (!reading.Scored)
            {
                questions[q] = Uncounted(question, reading, evidenceStatus);
                continue;
            }

            var confidence = Confidence(question, evidenceStatus, input.Policy);
            var credited = reading.Rating * confidence;
            weightedSum += question.Weight * credited;
            countedWeight += question.Weight;
            counted++;
            questions[q] = new QuestionScore
            {
                Code = question.Code,
                Text = question.Text,
                Type = question.Type,
                Weight = question.Weight,
                Status = reading.HasAnswer ? QuestionStatus.Answered : QuestionStatus.Unanswered,
                HasAnswer = reading.HasAnswer,
                Required = question.Required,
                Evidence = evidenceStatus,
                Rating = reading.Rating,
                Confidence = confidence,
                CreditedRating = credited,
                WeightedContribution = question.Weight * credited,
            };
        }

        double? score = countedWeight > 0 ? Percent(100 * weightedSum / countedWeight) : null;
        controls.AddSection(sectionIndex, section.Weight, weightedSum, countedWeight, counted, score);
        return new SectionScore
        {
            Code = section.Code,
            Title = section.Title,
            Weight = section.Weight,
            Score = score,
            WeightedSum = weightedSum,
            CountedWeight = countedWeight,
            Questions = questions,
        };
    }

    private static QuestionScore Uncounted(QuestionDefinition question, AnswerReading reading, EvidenceStatus evidenceStatus)
    {
        return new QuestionScore
        {
            Code = question.Code,
            Text = question.Text,
            Type = question.Type,
            Weight = question.Weight,
            Status = reading.NotApplicable ? QuestionStatus.NotApplicable : QuestionStatus.Unscored,
            HasAnswer = reading.HasAnswer,
            Required = question.Required,
            Evidence = evidenceStatus,
        };
    }

    private static EvidenceStatus EvidenceOf(QuestionDefinition question, CodeLookup<EvidenceState> evidence, DateOnly asOf)
    {
        if (!question.EvidenceRequired)
        {
            return EvidenceStatus.NotRequired;
        }

        if (evidence.Find(question.Code) is not { } state)
        {
            return EvidenceStatus.Missing;
        }

        var attached = false;
        foreach (var item in state.Items)
        {
            // Expired evidence counts as not attached.
            if (item.ExpiresOn is { } expiresOn && expiresOn <= asOf)
            {
                continue;
            }

            if (item.Verified)
            {
                return EvidenceStatus.Verified;
            }

            attached = true;
        }

        return attached ? EvidenceStatus.Unverified : EvidenceStatus.Missing;
    }

    private static double Confidence(QuestionDefinition question, EvidenceStatus status, ScoringPolicy policy)
    {
        if (!question.EvidenceRequired || !policy.EvidenceConfidenceEnabled)
        {
            return 1;
        }

        return status switch
        {
            EvidenceStatus.Verified => policy.VerifiedEvidenceConfidence,
            EvidenceStatus.Unverified => policy.UnverifiedEvidenceConfidence,
            _ => policy.MissingEvidenceConfidence,
        };
    }

    /// <summary>The worst J over the given countries (the first one wins a tie); the unknown default when none is given.</summary>
    private static (JurisdictionRiskResult? Driving, double Value) Worst(IReadOnlyList<JurisdictionRiskResult> jurisdictions, ScoringPolicy policy)
    {
        JurisdictionRiskResult? worst = null;
        foreach (var jurisdiction in jurisdictions)
        {
            if (worst is null || jurisdiction.Value > worst.Value)
            {
                worst = jurisdiction;
            }
        }

        return (worst, worst?.Value ?? policy.UnknownJurisdictionRisk);
    }
}
