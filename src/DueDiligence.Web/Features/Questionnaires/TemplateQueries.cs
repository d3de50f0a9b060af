using System.Linq.Expressions;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>One version of a template in the template list.</summary>
public sealed record TemplateVersionRow(
    Guid Id, Guid TemplateKey, int VersionNumber, string Name, TemplateStatus Status, DateTime CreatedAt, DateTime? PublishedAt, DateTime? RetiredAt, Guid EditStamp);

/// <summary>A template (every version sharing one template key), its versions newest first.</summary>
public sealed record TemplateSummary(Guid TemplateKey, IReadOnlyList<TemplateVersionRow> Versions)
{
    public string Name => Versions[0].Name;

    public TemplateVersionRow? Draft => Versions.FirstOrDefault(v => v.Status == TemplateStatus.Draft);
}

/// <summary>A published version an analyst can start an assessment with.</summary>
public sealed record PublishedTemplate(Guid Id, string Name, int VersionNumber);

/// <summary>One version with its content, and the template's current draft (which may be this version) if it has one.</summary>
public sealed record TemplateVersionDetail(TemplateVersion Version, TemplateVersionRow? Draft);

/// <summary>A version in the exchange format, with the name of the file to download it as.</summary>
public sealed record TemplateExport(string FileName, string Json);

/// <summary>Reads the template library. Administrators read everything; every role reads published versions.</summary>
public sealed class TemplateQueries(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public const string Manager = AppRoles.Admin;

    public async Task<IReadOnlyList<TemplateSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TemplateVersions.AsNoTracking().Select(ToRow).ToListAsync(cancellationToken);
        return rows
            .GroupBy(r => r.TemplateKey)
            .Select(g => new TemplateSummary(g.Key, g.OrderByDescending(r => r.VersionNumber).ToList()))
            .OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase)
            .ToList();
    }

    /// <summary>One template with its versions, to refresh its place in the list after a change; null once it has none.</summary>
    public async Task<TemplateSummary?> SummaryAsync(Guid templateKey, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.TemplateVersions.AsNoTracking().Where(v => v.TemplateKey == templateKey).Select(ToRow).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : new TemplateSummary(templateKey, rows.OrderByDescending(r => r.VersionNumber).ToList());
    }

    /// <summary>The published versions, for the analyst who starts an assessment.</summary>
    public async Task<IReadOnlyList<PublishedTemplate>> PublishedTemplatesAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync([.. AppRoles.All]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var published = await db.TemplateVersions.AsNoTracking()
            .Where(v => v.Status == TemplateStatus.Published)
            .Select(v => new PublishedTemplate(v.Id, v.Name, v.VersionNumber))
            .ToListAsync(cancellationToken);
        return published.OrderBy(p => p.Name, StringComparer.CurrentCultureIgnoreCase).ThenByDescending(p => p.VersionNumber).ToList();
    }

    /// <summary>A version with its content; drafts are shown to administrators only.</summary>
    public async Task<TemplateVersionDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync([.. AppRoles.All]);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (version is null)
        {
            return null;
        }

        if (version.Status == TemplateStatus.Draft && !await currentUser.IsInRoleAsync(Manager))
        {
            throw new ForbiddenException("This version is a draft: only administrators see a template before it is published.");
        }

        var draft = await db.TemplateVersions.AsNoTracking()
            .Where(v => v.TemplateKey == version.TemplateKey && v.Status == TemplateStatus.Draft)
            .Select(ToRow)
            .FirstOrDefaultAsync(cancellationToken);
        return new TemplateVersionDetail(version, draft);
    }

    /// <summary>A version as a <c>duediligence.template/1</c> file, which the import accepts as it is.</summary>
    public async Task<TemplateExport?> ExportAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version is null
            ? null
            : new TemplateExport(TemplateFileName.For(version.Name, version.VersionNumber), TemplateJson.Serialize(version.Definition));
    }

    // Leaves out the definition, the one large column.
    private static readonly Expression<Func<TemplateVersion, TemplateVersionRow>> ToRow = v =>
        new TemplateVersionRow(v.Id, v.TemplateKey, v.VersionNumber, v.Name, v.Status, v.CreatedAt, v.PublishedAt, v.RetiredAt, v.EditStamp);
}
