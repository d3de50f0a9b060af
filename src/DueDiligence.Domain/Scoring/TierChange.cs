namespace DueDiligence.Domain.Scoring;

/// <summary>What the residual risk would be if this one question had its best answer (SCORING.md §7).</summary>
public sealed record TierChange
{
    public required string QuestionCode { get; init; }

    public required string QuestionText { get; init; }

    public required string SectionCode { get; init; }

    public required string SectionTitle { get; init; }

    /// <summary>R′: the residual risk with this question at r′ = 1 and its own knock-out gone.</summary>
    public required double ResidualRisk { get; init; }

    /// <summary>R − R′.</summary>
    public required double Reduction { get; init; }

    /// <summary>The tier R′ reaches; other unwaived knock-outs still make it Critical.</summary>
    public required RiskTier TierReached { get; init; }

    public required string Mitigation { get; init; }
}
