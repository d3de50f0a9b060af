using DueDiligence.Domain.Common;

using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>What an import file would add to the register, line by line, before anything is stored.</summary>
public sealed record SupplierImportPreview(IReadOnlyList<string> FileErrors, IReadOnlyList<string> Warnings, IReadOnlyList<SupplierImportRow> Rows)
{
    /// <summary>All or nothing: one problem anywhere in the file stops the whole import.</summary>
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsReady);

    public int RowsWithErrors => Rows.Count(r => !r.IsReady);
}

/// <summary>A supplier in the register with the same legal name and HQ country as an import line.</summary>
public sealed record ExistingSupplier(Guid Id, string LegalName);

/// <summary>One supplier line of an import file: where it is, what was read from it, and every problem with it.</summary>
public sealed class SupplierImportRow(int lineNumber, IReadOnlyDictionary<string, string?> cells, SupplierInput input, IReadOnlyList<string> errors)
{
    private readonly List<string> _errors = [.. errors];

    public int LineNumber { get; } = lineNumber;

    /// <summary>The cells as they are in the file, by column name.</summary>
    public IReadOnlyDictionary<string, string?> Cells { get; } = cells;

    public SupplierInput Input { get; } = input;

    /// <summary>Each error starts with the column it is about, e.g. "hq_country: …".</summary>
    public IReadOnlyList<string> Errors => _errors;

    public ExistingSupplier? Existing { get; private set; }

    public bool IsReady => _errors.Count == 0;

    public string HqCountryText => CountryCode.TryParse(Input.HqCountry, out var country) ? $"{country.Name} ({country.Value})" : Input.HqCountry ?? "";

    public string CategoryText => Input.Category is { } category ? SupplierLabels.Of(category) : Cells[SupplierImportColumns.Category] ?? "";

    /// <summary>The sites as read ("Shenzhen, CN"), or the cell as written when it could not be read.</summary>
    public string SitesText => HasErrorIn(SupplierImportColumns.Sites)
        ? Cells[SupplierImportColumns.Sites] ?? ""
        : string.Join("; ", Input.Sites.Select(s => $"{s.City}, {s.Country?.ToUpperInvariant()}"));

    /// <summary>The IP exposure as read ("Design files 4"), or the cell as written when it could not be read.</summary>
    public string ExposureText => HasErrorIn(SupplierImportColumns.Exposure)
        ? Cells[SupplierImportColumns.Exposure] ?? ""
        : string.Join("; ", Input.Exposure.Select(e => $"{SupplierLabels.Of(e.Category!.Value)} {e.Sensitivity}"));

    /// <summary>The identifiers given, labelled, e.g. "DUNS 123456789 · VAT CN123".</summary>
    public string IdentifiersText => string.Join(" · ", new[]
    {
        ("Reg.", Input.RegistrationNumber), ("DUNS", Input.Duns), ("LEI", Input.Lei), ("VAT", Input.VatNumber),
    }.Where(i => i.Item2 is not null).Select(i => $"{i.Item1} {i.Item2}"));

    internal void AddError(string error) => _errors.Add(error);

    internal void MarkExisting(ExistingSupplier existing, string error)
    {
        Existing = existing;
        _errors.Add(error);
    }

    private bool HasErrorIn(string column) => _errors.Any(e => e.StartsWith(column + ":", StringComparison.Ordinal));
}

/// <summary>How an import went: how many suppliers were created, or why nothing was stored and where.</summary>
public sealed record SupplierImportResult(int ImportedCount, SupplierImportPreview Preview, string? Problem)
{
    public bool Imported => Problem is null;
}
