using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>
/// Registers suppliers from a CSV file: a preview judges every line with the supplier form's own rules, then the
/// import stores all of them in one save, or none. Analysts only; the importing analyst owns the new suppliers.
/// </summary>
public sealed class SupplierCsvImport(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<SupplierInput> validator, TimeProvider time)
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    /// <summary>Why an upload is refused before it is read, or null when its name and size are acceptable.</summary>
    public static string? CheckUpload(string fileName, long size)
    {
        if (!fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return $"“{fileName}” is not a CSV file. In your spreadsheet choose Save As → CSV UTF-8 (.csv), then upload that file.";
        }

        return size > MaxFileBytes
            ? $"“{fileName}” is {FileSize.Format(size)}; an import file may be at most {FileSize.Format(MaxFileBytes)}. Split it into smaller files."
            : null;
    }

    /// <summary>The template: the header and two example suppliers.</summary>
    public async Task<byte[]> TemplateAsync()
    {
        await currentUser.RequireAnyRoleAsync(SupplierCommands.Editor);
        return SupplierImportTemplate.Create();
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
        db.Suppliers.AddRange(preview.Rows.Select(row => Draft(row.Input, ownerId, ownerName, now)));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
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
            rows.Add(await JudgeAsync(record, cancellationToken));
        }

        MarkRepeatedLines(rows);
        await MarkExistingAsync(db, rows, cancellationToken);
        return new SupplierImportPreview(file.Errors, file.Warnings, rows);
    }

    private async Task<SupplierImportRow> JudgeAsync(SupplierImportRecord record, CancellationToken cancellationToken)
    {
        var (input, errors) = SupplierImportRowReader.Read(record.Cells);
        if (record.ShapeError is not null)
        {
            errors.Insert(0, record.ShapeError);
        }

        var validation = await validator.ValidateAsync(input, cancellationToken);
        errors.AddRange(validation.Errors
            .Select(f => (Column: SupplierImportColumns.OfProperty(f.PropertyName), f.ErrorMessage))
            // An unreadable kind is already reported with the accepted values; "Choose the kind" would add nothing.
            .Where(f => !(f.Column == SupplierImportColumns.Category && input.Category is null))
            .Select(f => $"{f.Column}: {f.ErrorMessage}")
            .Distinct());
        if (errors.Count == 0)
        {
            errors.AddRange(DomainRuleBroken(input));
        }

        // In the order of the columns, so that the errors read along the line; those about the whole line come first.
        var ordered = errors.OrderBy(SupplierImportColumns.PositionOf).ToList();
        return new SupplierImportRow(record.LineNumber, record.Cells, input, ordered);
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

    private static void MarkRepeatedLines(List<SupplierImportRow> rows)
    {
        var repeated = rows
            .Where(r => !string.IsNullOrWhiteSpace(r.Input.LegalName) && CountryCode.TryParse(r.Input.HqCountry, out _))
            .GroupBy(r => (Supplier.KeyOf(r.Input.LegalName), CountryCode.Parse(r.Input.HqCountry)))
            .Where(g => g.Count() > 1);
        foreach (var group in repeated)
        {
            foreach (var row in group)
            {
                var others = group.Where(o => o != row).Select(o => o.LineNumber).ToList();
                row.AddError($"{SupplierImportColumns.LegalName}: the same legal name and HQ country are also on {Lines(others)}; list each supplier once.");
            }
        }
    }

    private static async Task MarkExistingAsync(AppDbContext db, List<SupplierImportRow> rows, CancellationToken cancellationToken)
    {
        var candidates = rows
            .Where(r => !string.IsNullOrWhiteSpace(r.Input.LegalName) && CountryCode.TryParse(r.Input.HqCountry, out _))
            .ToList();
        var keys = candidates.Select(r => Supplier.KeyOf(r.Input.LegalName)).Distinct().ToList();
        var existing = (await db.Suppliers.AsNoTracking()
                .Where(s => keys.Contains(s.LegalNameKey))
                .Select(s => new { s.Id, s.LegalName, s.LegalNameKey, s.HqCountry })
                .ToListAsync(cancellationToken))
            .ToDictionary(s => (s.LegalNameKey, s.HqCountry));
        foreach (var row in candidates)
        {
            var country = CountryCode.Parse(row.Input.HqCountry);
            if (existing.TryGetValue((Supplier.KeyOf(row.Input.LegalName), country), out var match))
            {
                row.MarkExisting(new ExistingSupplier(match.Id, match.LegalName),
                    $"{SupplierImportColumns.LegalName}: {match.LegalName} ({country.Name}) is already in the register.");
            }
        }
    }

    private static Supplier Draft(SupplierInput input, string ownerId, string ownerName, DateTime nowUtc)
    {
        var supplier = new Supplier(input.ToProfile(), ownerId, ownerName, nowUtc);
        input.ApplyCollectionsTo(supplier, nowUtc);
        return supplier;
    }

    private static string Lines(List<int> lines) => lines.Count == 1
        ? $"line {lines[0]}"
        : $"lines {string.Join(", ", lines.SkipLast(1))} and {lines[^1]}";
}
