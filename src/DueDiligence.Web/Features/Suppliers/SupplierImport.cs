using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Notifications.Webhooks;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// Registers suppliers from a register file (CSV or Excel, the shape the export writes): a preview judges every row
/// with the supplier form's own rules, then the import stores all of them in one save, or none. It adds suppliers; a
/// row naming a supplier already in the register is refused with a link to it. Analysts only; the importing analyst
/// owns the new suppliers, which start as prospects.
/// </summary>
public sealed class SupplierImport(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<SupplierInput> validator, TimeProvider time, SupplierPositionUpdater positions,
    WebhookEvents webhooks)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>The file types the upload accepts, for the file picker.</summary>
    public const string Accept = ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Why an upload is refused before it is read, or null when its name and size are acceptable.</summary>
    public static string? CheckUpload(string fileName, long size)
    {
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) && !fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            return $"“{fileName}” is neither a CSV file nor an Excel workbook. Upload the register file as exported (.csv or .xlsx), or in your spreadsheet choose Save As → CSV UTF-8 (.csv) or Excel Workbook (.xlsx).";
        }

        return size > MaxFileBytes
            ? $"“{fileName}” is {FileSize.Format(size)}; an import file may be at most {FileSize.Format(MaxFileBytes)}. Split it into smaller files."
            : null;
    }

    /// <summary>The template: the columns the import reads and two example suppliers, as CSV or as a workbook.</summary>
    public async Task<byte[]> TemplateAsync(string extension = "csv")
    {
        await currentUser.RequireAnyRoleAsync(SupplierCommands.Editor);
        return SupplierImportTemplate.Create(extension, time.UtcNow());
    }

    public async Task<SupplierImportPreview> PreviewAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierCommands.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await PreviewAsync(db, content, cancellationToken);
    }

    /// <summary>Judges the file again (the register may have changed since the preview) and stores every supplier in one transaction.</summary>
    public async Task<SupplierImportResult> ImportAsync(byte[] content, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(SupplierCommands.Editor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preview = await PreviewAsync(db, content, cancellationToken);
        if (!preview.CanImport)
        {
            return new SupplierImportResult(0, preview, "Nothing was imported: the file has errors. Correct them in the file and upload it again.");
        }

        var ownerId = (await currentUser.GetUserIdAsync())!;
        var ownerName = AppClaims.DisplayNameOf(await currentUser.GetPrincipalAsync());
        var now = time.UtcNow();
        var suppliers = preview.Rows.Select(row => Draft(row.Input, ownerId, ownerName, now)).ToList();
        db.Suppliers.AddRange(suppliers);
        await webhooks.RaiseAsync(db, [.. suppliers.Select(s => WebhookEvent.SupplierCreated(s.Id))], cancellationToken);
        try
        {
            await positions.SaveAsync(
                db, () => db.SaveChangesAsync(cancellationToken), new PositionTrigger("Imported"), AffectedSuppliers.Only(suppliers.Select(s => s.Id)), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique name + country index refused the save: someone registered one of these suppliers after the check.
            await using var current = await dbFactory.CreateDbContextAsync(cancellationToken);
            return new SupplierImportResult(0, await PreviewAsync(current, content, cancellationToken),
                "Nothing was imported: the register changed while the import ran. The preview below shows it as it is now.");
        }

        return new SupplierImportResult(preview.Rows.Count, preview, null);
    }

    private async Task<SupplierImportPreview> PreviewAsync(AppDbContext db, byte[] content, CancellationToken cancellationToken)
    {
        var file = SupplierImportFile.Read(content);
        var rows = new List<SupplierImportRow>(file.Records.Count);
        foreach (var record in file.Records)
        {
            rows.Add(await JudgeAsync(record, file.RowNoun, cancellationToken));
        }

        MarkRepeatedRows(rows, file.RowNoun);
        if (rows.Count > 0)
        {
            await CompareWithRegisterAsync(db, rows, cancellationToken);
        }

        return new SupplierImportPreview(file.Errors, file.Warnings, rows, file.RowNoun);
    }

    private async Task<SupplierImportRow> JudgeAsync(SupplierImportRecord record, string rowNoun, CancellationToken cancellationToken)
    {
        var read = SupplierImportRowReader.Read(record.Cells);
        var errors = read.Errors;
        if (record.ShapeError is not null)
        {
            errors.Insert(0, record.ShapeError);
        }

        var validation = await validator.ValidateAsync(read.Input, cancellationToken);
        errors.AddRange(validation.Errors
            // An unreadable kind is already reported with the accepted values; "Choose the kind" would add nothing.
            .Where(f => !(SupplierFileColumns.OfProperty(f.PropertyName) == SupplierFileColumns.Kind && read.Input.Category is null))
            .Select(f => $"{read.Locate(f.PropertyName)}: {f.ErrorMessage}")
            .Distinct());
        if (errors.Count == 0)
        {
            errors.AddRange(DomainRuleBroken(read.Input));
        }

        // In the order of the columns, so that the errors read along the row; those about the whole row come first.
        var ordered = errors.OrderBy(SupplierFileColumns.PositionOf).ToList();
        return new SupplierImportRow(record.LineNumber, rowNoun, record.Cells, read.Input, ordered);
    }

    /// <summary>The domain guards a few limits the form's validator does not (such as the length of a website address).</summary>
    private IEnumerable<string> DomainRuleBroken(SupplierInput input)
    {
        try
        {
            Draft(input, "preview", "preview", time.UtcNow());
            return [];
        }
        catch (DomainException e)
        {
            return [e.Message];
        }
    }

    /// <summary>Two rows with one supplier (the same name, as the register compares names, in the same HQ country).</summary>
    private static void MarkRepeatedRows(List<SupplierImportRow> rows, string rowNoun)
    {
        var repeated = rows
            .Where(r => !string.IsNullOrWhiteSpace(r.Input.LegalName) && CountryCode.TryParse(r.Input.HqCountry, out _))
            .GroupBy(r => (LegalNames.Key(r.Input.LegalName), CountryCode.Parse(r.Input.HqCountry)))
            .Where(g => g.Count() > 1);
        foreach (var group in repeated)
        {
            foreach (var row in group)
            {
                var others = group.Where(o => o != row).Select(o => o.LineNumber).ToList();
                row.AddError($"{SupplierFileColumns.LegalName}: the same supplier (same name and HQ country) is also on {Places(rowNoun, others)}; list each supplier once.");
            }
        }
    }

    /// <summary>
    /// A row that names a supplier already in the register (the same name in the same HQ country) is refused with a
    /// link to it; one with the same or a similar name elsewhere gets a warning with links, and may still be imported.
    /// </summary>
    private static async Task CompareWithRegisterAsync(AppDbContext db, List<SupplierImportRow> rows, CancellationToken cancellationToken)
    {
        var register = await db.Suppliers.AsNoTracking()
            .Select(s => new NamedSupplier(s.Id, s.LegalName, s.HqCountry, s.MatchKey, s.MatchStem))
            .ToListAsync(cancellationToken);
        foreach (var row in rows.Where(r => !string.IsNullOrWhiteSpace(r.Input.LegalName)))
        {
            var country = CountryCode.TryParse(row.Input.HqCountry, out var hq) ? hq : (CountryCode?)null;
            var similar = SimilarSupplierSearch.Find(row.Input.LegalName, country, register);
            if (similar.FirstOrDefault(s => s.IsDuplicate) is { } duplicate)
            {
                row.MarkExisting(new ExistingSupplier(duplicate.Id, duplicate.LegalName),
                    $"{SupplierFileColumns.LegalName}: {duplicate.LegalName} ({duplicate.HqCountry.Name}) is already in the register.");
            }
            else
            {
                row.MarkSimilar(similar);
            }
        }
    }

    private static Supplier Draft(SupplierInput input, string ownerId, string ownerName, DateTime nowUtc)
    {
        var supplier = new Supplier(input.ToProfile(), ownerId, ownerName, nowUtc);
        input.ApplyCollectionsTo(supplier, nowUtc);
        return supplier;
    }

    private static string Places(string noun, List<int> numbers) => numbers.Count == 1
        ? $"{noun} {numbers[0]}"
        : $"{noun}s {string.Join(", ", numbers.SkipLast(1))} and {numbers[^1]}";
}
