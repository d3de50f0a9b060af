using System.Text.Json;

using DueDiligence.Domain.Scoring;

namespace DueDiligence.Domain.Assessments;

/// <summary>A score kept as it was at submission or decision, with its policy, so later changes never rewrite it.</summary>
public sealed class ScoreSnapshot
{
    private ScoreSnapshot()
    {
    }

    internal ScoreSnapshot(ScoreSnapshotKind kind, ScoreResult result, DateTime takenAtUtc)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        TakenAtUtc = takenAtUtc;
        AsOf = result.AsOf;
        PolicyId = result.PolicyId;
        ResultJson = JsonSerializer.Serialize(result);
        Tier = result.Tier;
        ResidualRisk = result.ResidualRisk;
        ControlScore = result.ControlScore;
    }

    public Guid Id { get; private set; }

    public ScoreSnapshotKind Kind { get; private set; }

    public DateTime TakenAtUtc { get; private set; }

    /// <summary>The date the score was computed as of (dates and evidence expiry are judged against it).</summary>
    public DateOnly AsOf { get; private set; }

    public string PolicyId { get; private set; } = "";

    /// <summary>The whole <see cref="ScoreResult"/> as JSON: every figure, the policy parameters and the explanations.</summary>
    public string ResultJson { get; private set; } = "";

    public RiskTier Tier { get; private set; }

    public double ResidualRisk { get; private set; }

    public double ControlScore { get; private set; }

    /// <summary>The stored result, read back with every figure as it was.</summary>
    public ScoreResult ReadResult() =>
        JsonSerializer.Deserialize<ScoreResult>(ResultJson) ?? throw new InvalidOperationException($"Score snapshot {Id} holds no result.");
}
