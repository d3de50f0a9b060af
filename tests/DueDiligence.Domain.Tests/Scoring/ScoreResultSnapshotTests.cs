using System.Text.Json;

using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Tests.Scoring;

/// <summary>A score snapshot is stored as JSON with its policy; reading it back must give the same figures.</summary>
public sealed class ScoreResultSnapshotTests
{
    [Fact]
    public void ScoreResult_WhenStoredAsJsonAndReadBack_KeepsEveryFigureAndThePolicy()
    {
        var result = ScoringEngine.Score(WorkedExampleTests.WorkedExample.Input());

        var json = JsonSerializer.Serialize(result);
        var restored = JsonSerializer.Deserialize<ScoreResult>(json)!;

        Assert.Equal(result.ResidualRisk, restored.ResidualRisk);
        Assert.Equal(result.Tier, restored.Tier);
        Assert.Equal(result.Policy, restored.Policy);
        Assert.Equal("ipdd-2026.2", restored.PolicyId);
        Assert.Equal(result.Sections[0].Questions[0].CreditedRating, restored.Sections[0].Questions[0].CreditedRating);
        Assert.Equal(result.Jurisdiction!.Contributions[0].Risk, restored.Jurisdiction!.Contributions[0].Risk);
        Assert.Equal(result.WhatWouldChangeTier.Select(c => c.QuestionCode), restored.WhatWouldChangeTier.Select(c => c.QuestionCode));
        Assert.Equal(json, JsonSerializer.Serialize(restored));
    }
}
