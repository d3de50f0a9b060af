using Microsoft.Data.Sqlite;

namespace DueDiligence.EndToEnd.Infrastructure;

/// <summary>Ids of the demo records the app seeded, read from its database file (read-only), to open their pages.</summary>
public sealed class DemoRecords
{
    private readonly string _connectionString;

    public DemoRecords(AppProcess app) =>
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(app.DataDirectory, "duediligence.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString();

    /// <summary>The most recent assessment in this workflow status (Draft, Submitted, LegalReview, AwaitingDecision, Decided).</summary>
    public Task<string> AssessmentAsync(string status) =>
        ScalarAsync("SELECT lower(Id) FROM Assessments WHERE Status = $value ORDER BY CreatedAtUtc DESC LIMIT 1", status);

    public Task<string> SupplierAsync(string legalName) =>
        ScalarAsync("SELECT lower(Id) FROM Suppliers WHERE LegalName = $value LIMIT 1", legalName);

    public Task<string> SourcingProjectAsync() =>
        ScalarAsync("SELECT lower(Id) FROM SourcingProjects WHERE $value = $value LIMIT 1", "");

    public Task<string> TemplateVersionAsync(string status) =>
        ScalarAsync("SELECT lower(Id) FROM TemplateVersions WHERE Status = $value ORDER BY VersionNumber DESC LIMIT 1", status);

    private async Task<string> ScalarAsync(string sql, string value)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$value", value);
        return await command.ExecuteScalarAsync() as string
            ?? throw new InvalidOperationException($"The demo data has no record for: {sql} ({value})");
    }
}
