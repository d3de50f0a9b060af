using DueDiligence.Domain.Common;
using DueDiligence.Web.Components.Shared;

namespace DueDiligence.Web.Features.Suppliers;

/// <summary>What an import file would add to the register, row by row, before anything is stored.</summary>
public sealed record SupplierImportPreview(IReadOnlyList<string> FileErrors, IReadOnlyList<string> Warnings, IReadOnlyList<SupplierImportRow> Rows, string RowNoun = "line")
{
    /// <summary>All or nothing: one problem anywhere in the file stops the whole import. Warnings about similar names do not.</summary>
    public bool CanImport => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsReady);

    public int RowsWithErrors => Rows.Count(r => !r.IsReady);

    public int RowsWithSimilarNames => Rows.Count(r => r.IsReady && r.Similar.Count > 0);
}

/// <summary>A supplier in the register with the same legal name and HQ country as an import row.</summary>
public sealed record ExistingSupplier(Guid Id, string LegalName);

/// <summary>One supplier row of an import file: where it is, what was read from it, and every problem with it.</summary>
public sealed class SupplierImportRow(int lineNumber, string rowNoun, IReadOnlyDictionary<string, string?> cells, SupplierInput input, IReadOnlyList<string> errors)
{
    private readonly List<string> _errors = [.. errors];

    /// <summary>The line (CSV) or row (Excel) the supplier starts on.</summary>
    public int LineNumber { get; } = lineNumber;

    /// <summary>"line 3" or "row 3".</summary>
    public string Place => $"{rowNoun} {LineNumber}";

    /// <summary>The cells as they are in the file, by column name.</summary>
    public IReadOnlyDictionary<string, string?> Cells { get; } = cells;

    public SupplierInput Input { get; } = input;

    /// <summary>Each error starts with the column it is about, e.g. "HQ country: …" or "Sites, entry 2 (…): …".</summary>
    public IReadOnlyList<string> Errors => _errors;

    public ExistingSupplier? Existing { get; private set; }

    /// <summary>Suppliers in the register with the same name elsewhere or a similar name: worth a look, no reason to refuse.</summary>
    public IReadOnlyList<SimilarSupplier> Similar { get; private set; } = [];

    public bool IsReady => _errors.Count == 0;

    public string HqCountryText => CountryCode.TryParse(Input.HqCountry, out var country) ? $"{country.Name} ({country.Value})" : Input.HqCountry ?? "";

    public string CategoryText => Input.Category is { } category ? SupplierLabels.Of(category) : Cells[SupplierFileColumns.Kind] ?? "";

    /// <summary>The sites as read ("Shenzhen, CN"), or the cell as written when it could not be read.</summary>
    public string SitesText => HasErrorIn(SupplierFileColumns.Sites)
        ? Cells[SupplierFileColumns.Sites] ?? ""
        : string.Join("; ", Input.Sites.Select(s => $"{s.City}, {s.Country?.ToUpperInvariant()}"));

    /// <summary>The IP exposure as read ("Design files 4"), or the cell as written when it could not be read.</summary>
    public string ExposureText => HasErrorIn(SupplierFileColumns.Exposure)
        ? Cells[SupplierFileColumns.Exposure] ?? ""
        : string.Join("; ", Input.Exposure.Select(e => $"{SupplierLabels.Of(e.Category!.Value)} {e.Sensitivity}"));

    /// <summary>How many subcontractors and contacts the row brings: "1 subcontractor · 2 contacts", or empty.</summary>
    public string PeopleText => string.Join(" · ", new[]
    {
        Input.Subcontractors.Count > 0 ? Wording.Count(Input.Subcontractors.Count, "subcontractor") : null,
        Input.Contacts.Count > 0 ? Wording.Count(Input.Contacts.Count, "contact") : null,
    }.OfType<string>());

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

    internal void MarkSimilar(IReadOnlyList<SimilarSupplier> similar) => Similar = similar;

    private bool HasErrorIn(string column) =>
        _errors.Any(e => e.StartsWith(column + ":", StringComparison.Ordinal) || e.StartsWith(column + ",", StringComparison.Ordinal));
}

/// <summary>How an import went: how many suppliers were created, or why nothing was stored and where.</summary>
public sealed record SupplierImportResult(int ImportedCount, SupplierImportPreview Preview, string? Problem)
{
    public bool Imported => Problem is null;
}
