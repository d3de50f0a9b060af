using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Sourcing;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Sourcing;

/// <summary>Reads the candidates' latest assessments (see <see cref="LatestAssessment"/>) and ranks them with <see cref="PartnerRanking"/>.</summary>
internal static class PartnerComparisonBuilder
{
    public static async Task<PartnerComparison> BuildAsync(AppDbContext db, IReadOnlyCollection<Guid> supplierIds, CancellationToken cancellationToken)
    {
        var ids = supplierIds.Distinct().ToList();
        var suppliers = await db.Suppliers.AsNoTracking()
            .Where(s => ids.Contains(s.Id))
            .Select(s => new { s.Id, s.LegalName, s.HqCountry })
            .ToListAsync(cancellationToken);

        // Stamps only: the questionnaire snapshot and the answers are not needed to choose which score to show.
        var stamps = await db.Assessments.AsNoTracking()
            .Where(a => ids.Contains(a.SupplierId))
            .Select(a => new
            {
                a.SupplierId,
                Stamp = new AssessmentStamp(
                    a.Id, a.Status, a.Decision == null ? null : a.Decision.Outcome, a.CreatedAtUtc,
                    a.TemplateName + " v" + a.TemplateVersionNumber,
                    a.ScoreSnapshots.Select(s => new SnapshotStamp(s.Id, s.Kind, s.TakenAtUtc)).ToList()),
            })
            .ToListAsync(cancellationToken);
        var bySupplier = stamps.ToLookup(s => s.SupplierId, s => s.Stamp);
        var used = ids.ToDictionary(id => id, id => LatestAssessment.Of(bySupplier[id]));

        var snapshotIds = used.Values.Where(u => u is not null).Select(u => u!.Snapshot.Id).ToList();
        var snapshots = await db.Assessments.AsNoTracking()
            .SelectMany(a => a.ScoreSnapshots)
            .Where(s => snapshotIds.Contains(s.Id))
            .ToListAsync(cancellationToken);
        var scores = snapshots.ToDictionary(s => s.Id, s => s.ReadResult());

        var candidates = suppliers.Select(s =>
        {
            var score = used[s.Id] is { } source ? scores[source.Snapshot.Id] : null;
            return new
            {
                s.HqCountry,
                Figures = new CandidateFigures(s.Id, s.LegalName, score?.ResidualRisk, score?.ControlScore, UnwaivedKnockOuts(score)),
                Source = used[s.Id],
                Score = score,
                Draft = used[s.Id] is null ? LatestAssessment.DraftOf(bySupplier[s.Id]) : null,
            };
        }).ToDictionary(c => c.Figures.SupplierId);

        var ranked = PartnerRanking.Rank(candidates.Values.Select(c => c.Figures))
            .Select(r =>
            {
                var c = candidates[r.SupplierId];
                return new CandidateComparison(r, c.HqCountry, c.Source, c.Score, c.Draft);
            })
            .ToList();
        return new PartnerComparison(ranked, SectionsOf(ranked));
    }

    /// <summary>How a knock-out is named wherever a candidate is excluded: code, question and the answer that triggered it.</summary>
    public static string Name(KnockOutHit knockOut) => $"{knockOut.QuestionCode} “{knockOut.QuestionText}” answered {knockOut.TriggeringAnswer}";

    private static List<string> UnwaivedKnockOuts(ScoreResult? score) =>
        score is null ? [] : score.KnockOuts.Where(k => !k.Waived).Select(Name).ToList();

    // Candidates may have been assessed on different questionnaire versions: every section appears once, in ranking order of first use.
    private static List<SectionColumn> SectionsOf(IEnumerable<CandidateComparison> candidates) =>
        candidates.SelectMany(c => c.Score?.Sections ?? [])
            .DistinctBy(s => s.Code)
            .Select(s => new SectionColumn(s.Code, s.Title))
            .ToList();
}
