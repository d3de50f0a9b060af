using DueDiligence.Web.Features.Assessments;

namespace DueDiligence.Web.Tests;

/// <summary>The first page of a queue, newest first, large enough for a test's few assessments.</summary>
internal static class AssessmentListExtensions
{
    public static async Task<IReadOnlyList<AssessmentRow>> FirstPageAsync(this AssessmentListQueries queries, AssessmentQueue queue, Guid? supplierId = null) =>
        (await queries.ListPageAsync(queue, supplierId, AssessmentSort.Started, descending: true, skip: 0, take: 500)).Rows;
}
