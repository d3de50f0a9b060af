using DueDiligence.Domain.Common;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Features.Monitoring;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Persistence.Configurations;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>What publishing did: the version published and the versions it superseded, now retired.</summary>
public sealed record TemplatePublication(int VersionNumber, IReadOnlyList<int> RetiredVersionNumbers);

/// <summary>
/// Creating, editing, publishing and retiring template versions. Administrators only. A published version that adds a
/// knock-out is noted on the suppliers decided on an earlier version (for information: their figures do not move).
/// </summary>
public sealed class TemplateCommands(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<NewTemplateInput> validator, TimeProvider time, SupplierPositionUpdater positions)
{
    /// <summary>A new template, version 1 as a draft: blank, or a copy of an existing version's content under a new name.</summary>
    public async Task<Guid> CreateAsync(NewTemplateInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var definition = new TemplateDefinition();
        if (input.CopyFromId is { } sourceId)
        {
            var source = await db.TemplateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == sourceId, cancellationToken)
                ?? throw new DomainException("The version to copy no longer exists; choose another one or start blank.");
            definition = source.Definition;
        }

        definition.Name = input.Name.Trim();
        var draft = TemplateVersion.CreateDraft(definition, time.UtcNow());
        db.TemplateVersions.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return draft.Id;
    }

    /// <summary>Stores the editor's content in a draft; returns the new edit stamp. Published and retired versions never change.</summary>
    public async Task<Guid> SaveDraftAsync(Guid id, Guid editStamp, TemplateDefinition definition, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Name.Length > TemplateVersionConfiguration.NameMaxLength)
        {
            throw new DomainException($"A template name has at most {TemplateVersionConfiguration.NameMaxLength} characters; shorten it and save again.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await LoadAsync(db, id, cancellationToken);
        if (version.Status != TemplateStatus.Draft)
        {
            throw new DomainException(
                $"Version {version.VersionNumber} of \"{version.Name}\" is {Describe(version.Status)}, and a {Describe(version.Status)} version is immutable: nothing was saved. Start a new version to change it.");
        }

        EnsureCurrent(version, editStamp);
        version.UpdateDefinition(definition);
        await db.SaveOrConflictAsync(ConflictMessage(version), cancellationToken);
        return version.EditStamp;
    }

    /// <summary>Publishes a valid draft and retires the versions of the same template that it supersedes.</summary>
    public async Task<TemplatePublication> PublishAsync(Guid id, Guid editStamp, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await LoadAsync(db, id, cancellationToken);
        EnsureCurrent(version, editStamp);
        var now = time.UtcNow();
        version.Publish(now);

        // One published version per template: analysts pick a template, not a version.
        var superseded = await db.TemplateVersions
            .Where(v => v.TemplateKey == version.TemplateKey && v.Status == TemplateStatus.Published && v.Id != version.Id)
            .ToListAsync(cancellationToken);
        foreach (var old in superseded)
        {
            old.Retire(now);
        }

        var addedKnockOuts = KnockOutCodes(version).Except(superseded.SelectMany(KnockOutCodes)).ToList();
        if (superseded.Count > 0 && addedKnockOuts.Count > 0)
        {
            var what = $"{version.Name} version {version.VersionNumber} adds knock-out {string.Join(", ", addedKnockOuts)}; the decision was taken without it";
            // Every supplier decided on an earlier version is told, batch by batch after the publication is saved.
            await positions.SaveThenRecomputeAsync(
                db, () => db.SaveOrConflictAsync(ConflictMessage(version), cancellationToken), new PositionTrigger(what, PositionTriggerKind.Information),
                AffectedSuppliers.DecidedOnTemplate(version.TemplateKey), cancellationToken);
        }
        else
        {
            await db.SaveOrConflictAsync(ConflictMessage(version), cancellationToken);
        }

        return new TemplatePublication(version.VersionNumber, superseded.Select(v => v.VersionNumber).Order().ToList());
    }

    /// <summary>Takes a published version out of use: analysts can no longer start assessments with it.</summary>
    public async Task RetireAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await LoadAsync(db, id, cancellationToken);
        version.Retire(time.UtcNow());
        await db.SaveOrConflictAsync(ConflictMessage(version), cancellationToken);
    }

    /// <summary>Starts the next draft of a template from a copy of a published or retired version; a template has one draft at a time.</summary>
    public async Task<Guid> NewVersionAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var source = await LoadAsync(db, id, cancellationToken);
        var versions = await db.TemplateVersions.AsNoTracking()
            .Where(v => v.TemplateKey == source.TemplateKey)
            .Select(v => new { v.VersionNumber, v.Status })
            .ToListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Status == TemplateStatus.Draft) is { } draft)
        {
            throw new DomainException(
                $"\"{source.Name}\" already has a draft, version {draft.VersionNumber}: edit that draft instead. A template has one draft at a time.");
        }

        var next = source.NewVersion(versions.Max(v => v.VersionNumber) + 1, time.UtcNow());
        db.TemplateVersions.Add(next);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique (template, version number) index: another administrator started the same version a moment ago.
            throw new DomainException(
                $"Someone else started version {next.VersionNumber} of \"{source.Name}\" a moment ago. Reload the template list and edit that draft.");
        }

        return next.Id;
    }

    private static async Task<TemplateVersion> LoadAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.TemplateVersions.FirstOrDefaultAsync(v => v.Id == id, cancellationToken)
            ?? throw new DomainException("This template version no longer exists.");

    private static void EnsureCurrent(TemplateVersion version, Guid editStamp)
    {
        if (version.EditStamp != editStamp)
        {
            throw new ConcurrencyConflictException(ConflictMessage(version));
        }
    }

    private static IEnumerable<string> KnockOutCodes(TemplateVersion version) =>
        version.Definition.Sections.SelectMany(s => s.Questions).Where(q => q.KnockOut is not null).Select(q => q.Code);

    private static string Describe(TemplateStatus status) => status.ToString().ToLowerInvariant();

    private static string ConflictMessage(TemplateVersion version) =>
        $"Version {version.VersionNumber} of \"{version.Name}\" was changed by someone else after you opened it. Nothing was overwritten: your edits are still on the page. Open the template in a new tab to see their changes, then apply yours again.";
}
