using System.Globalization;

using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Domain.Scoring;

/// <summary>
/// SCORING.md §6 (policy ipdd-2026.2): every figure is a finite number, and a score from figures that are not is an
/// error, never a tier — NaN compares below every tier boundary, so it would otherwise read as "Low · Proceed".
/// </summary>
internal static class FiniteFigures
{
    /// <exception cref="DomainException">A figure is NaN or infinite.</exception>
    public static void Require(TemplateDefinition template, double controlScore, double jurisdictionRisk, double inherentRisk, double residualRisk)
    {
        Check(template, controlScore, "control score");
        Check(template, jurisdictionRisk, "jurisdiction risk");
        Check(template, inherentRisk, "inherent risk");
        Check(template, residualRisk, "residual risk");
    }

    private static void Check(TemplateDefinition template, double value, string figure)
    {
        if (double.IsFinite(value))
        {
            return;
        }

        throw new DomainException(
            $"This assessment cannot be scored: its {figure} is not a finite number ({value.ToString(CultureInfo.InvariantCulture)}), and no risk tier is ever given from such a figure. "
            + $"The scoring policy bounds weights to above 0 and at most {TemplateBounds.MaxWeight.ToString(CultureInfo.InvariantCulture)} and points to 0–1: "
            + $"an administrator should check the questionnaire “{template.Name}” and publish a corrected version.");
    }
}
