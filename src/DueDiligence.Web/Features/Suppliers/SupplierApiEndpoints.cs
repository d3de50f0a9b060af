using System.Text;
using DueDiligence.Domain.Scoring;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Api;
using DueDiligence.Web.Infrastructure.Risk;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>The supplier register in the REST API, through the same queries and commands as the pages.</summary>
internal static class SupplierApiEndpoints
{
    public static RouteGroupBuilder MapSupplierApi(this RouteGroupBuilder api)
    {
        var suppliers = api.MapGroup("/suppliers").WithTags("Suppliers");

        suppliers.MapGet("/", async ([AsParameters] SupplierListQuery query, [FromServices] SupplierQueries queries, CancellationToken cancellationToken) =>
        {
            SupplierCursor? after = null;
            if (query.Cursor is not null)
            {
                if (ReadCursor(query.Cursor) is not { } cursor)
                {
                    return ApiErrors.Invalid(new Dictionary<string, string[]> { ["cursor"] = ["Use the nextCursor of the previous page as it was given."] });
                }

                after = cursor;
            }

            var (rows, next) = await queries.SearchAfterAsync(query.ToFilter(), after, query.Limit ?? 50, cancellationToken);
            return TypedResults.Ok(new SupplierList([.. rows.Select(SupplierListItem.From)], next is { } n ? WriteCursor(n) : null));
        })
        .WithName("ListSuppliers").WithSummary("Suppliers matching the filters, by name, a page at a time (cursor)")
        .RequireScope(ApiResource.Suppliers, ApiAccess.Read);

        suppliers.MapGet("/{id:guid}", async (Guid id, HttpResponse response, [FromServices] SupplierQueries queries, CancellationToken cancellationToken) =>
            await queries.GetAsync(id, cancellationToken) is { } detail ? Found(response, detail) : NotFound())
        .WithName("GetSupplier").WithSummary("A supplier with sites, subcontractors, contacts and IP exposure; ETag is its version")
        .RequireScope(ApiResource.Suppliers, ApiAccess.Read);

        suppliers.MapPost("/", async (SupplierInput input, HttpResponse response, [FromServices] SupplierCommands commands, [FromServices] SupplierQueries queries, CancellationToken cancellationToken) =>
        {
            input.Id = null;
            input.Version = null;
            try
            {
                var id = await commands.CreateAsync(input, cancellationToken);
                var detail = (await queries.GetAsync(id, cancellationToken))!;
                ApiPreconditions.SetETag(response, detail.Supplier.Version);
                return (IResult)TypedResults.Created($"{ApiSetup.BasePath}/suppliers/{id}", SupplierResource.From(detail));
            }
            catch (DuplicateSupplierException e)
            {
                return Duplicate(e);
            }
        })
        .WithName("CreateSupplier").WithSummary("Registers a supplier, owned by the token's user (analysts)")
        .RequireScope(ApiResource.Suppliers, ApiAccess.Write);

        suppliers.MapPut("/{id:guid}", async (Guid id, SupplierInput input, HttpRequest request, HttpResponse response, [FromServices] SupplierCommands commands,
            [FromServices] SupplierQueries queries, CancellationToken cancellationToken) =>
        {
            var (version, problem) = ApiPreconditions.VersionFromIfMatch(request);
            if (problem is not null)
            {
                return problem;
            }

            if (await queries.GetAsync(id, cancellationToken) is null)
            {
                return NotFound();
            }

            input.Id = id;
            input.Version = version;
            try
            {
                await commands.UpdateAsync(input, cancellationToken);
            }
            catch (DuplicateSupplierException e)
            {
                return Duplicate(e);
            }

            return Found(response, (await queries.GetAsync(id, cancellationToken))!);
        })
        .WithName("UpdateSupplier").WithSummary("Replaces a supplier's profile, sites, subcontractors, contacts and exposure; needs If-Match")
        .RequireScope(ApiResource.Suppliers, ApiAccess.Write);

        return api;
    }

    private static IResult Found(HttpResponse response, SupplierDetail detail)
    {
        ApiPreconditions.SetETag(response, detail.Supplier.Version);
        return TypedResults.Ok(SupplierResource.From(detail));
    }

    private static IResult NotFound() => ApiErrors.Problem(StatusCodes.Status404NotFound, "Not found", "There is no supplier with this id.");

    private static IResult Duplicate(DuplicateSupplierException e) =>
        TypedResults.Problem(detail: e.Message, statusCode: StatusCodes.Status409Conflict, title: "Already registered",
            extensions: new Dictionary<string, object?> { ["existingSupplierId"] = e.ExistingId });

    private static string WriteCursor(SupplierCursor cursor) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{cursor.Id:N}{cursor.NameKey}"));

    private static SupplierCursor? ReadCursor(string text)
    {
        try
        {
            var decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(text));
            return decoded.Length >= 32 && Guid.TryParseExact(decoded[..32], "N", out var id) ? new SupplierCursor(decoded[32..], id) : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

/// <summary>The supplier list's filters, as the register page offers them (query string).</summary>
internal sealed class SupplierListQuery
{
    public string? Search { get; init; }

    public SupplierStatus? Status { get; init; }

    /// <summary>ISO 3166 code of the HQ or a site's country.</summary>
    public string? Country { get; init; }

    public RiskTier? Tier { get; init; }

    public bool? NotDecided { get; init; }

    public string? OwnerId { get; init; }

    /// <summary>Reassessment due: overdue, 30 or 90 (days).</summary>
    public string? Due { get; init; }

    public string? JurisdictionLevel { get; init; }

    public string? ControlBand { get; init; }

    /// <summary>The nextCursor of the previous page; none for the first.</summary>
    public string? Cursor { get; init; }

    /// <summary>Suppliers per page, 1 to 500 (50 unless given).</summary>
    public int? Limit { get; init; }

    public SupplierFilter ToFilter() => new()
    {
        Search = Search,
        Status = Status,
        Country = Country,
        Tier = Tier,
        NotDecided = NotDecided ?? false,
        OwnerId = OwnerId,
        Due = Due,
        JurisdictionLevel = JurisdictionLevel,
        ControlBand = ControlBand,
    };
}

internal sealed record SupplierList(IReadOnlyList<SupplierListItem> Items, string? NextCursor);

internal sealed record WorstJurisdictionResource(string Country, string Level)
{
    public static WorstJurisdictionResource? From(CountryRisk? risk) =>
        risk is null ? null : new(risk.Jurisdiction.Country.Value, risk.Risk.IsUnknown ? "Unknown" : risk.Risk.Level.ToString());
}

internal sealed record SupplierListItem(
    Guid Id, string LegalName, string HqCountry, SupplierCategory Category, SupplierStatus Status, string Owner,
    RiskTier? LatestTier, double? LatestResidualRisk, WorstJurisdictionResource? WorstJurisdiction)
{
    public static SupplierListItem From(SupplierRow row) => new(
        row.Id, row.LegalName, row.HqCountry.Value, row.Category, row.Status, row.OwnerName, row.LatestTier, row.LatestResidualRisk,
        WorstJurisdictionResource.From(row.WorstJurisdiction));
}

/// <summary>A supplier as read: what the register holds about it, and its profile in the shape an update sends back.</summary>
internal sealed record SupplierResource(
    Guid Id, SupplierStatus Status, string Owner, RiskTier? LatestTier, double? LatestResidualRisk, WorstJurisdictionResource? WorstJurisdiction,
    bool CanEdit, SupplierInput Profile)
{
    public static SupplierResource From(SupplierDetail detail) => new(
        detail.Supplier.Id, detail.Supplier.Status, detail.Supplier.OwnerName, detail.Supplier.LatestTier, detail.Supplier.LatestResidualRisk,
        WorstJurisdictionResource.From(detail.Worst), detail.CanEdit, SupplierInput.From(detail.Supplier));
}
