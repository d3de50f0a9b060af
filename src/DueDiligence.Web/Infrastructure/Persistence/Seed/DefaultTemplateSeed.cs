using DueDiligence.Domain.Questionnaires;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Infrastructure.Persistence.Seed;

/// <summary>
/// Publishes the shipped questionnaire "IP Risk Due Diligence — Overseas Manufacturing" (Seed/ip-risk-overseas-manufacturing.v1.json)
/// as version 1 when the database holds no template at all, so that analysts can start assessments on a fresh installation.
/// </summary>
public static class DefaultTemplateSeed
{
    public const string ResourceName = "DueDiligence.Web.Seed.ip-risk-overseas-manufacturing.v1.json";

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // Any template, even a retired one, means administrators manage the library: never add the default behind their back.
        if (await db.TemplateVersions.AnyAsync(cancellationToken))
        {
            return;
        }

        var version = TemplateVersion.CreateDraft(ReadDefinition(), nowUtc);
        version.Publish(nowUtc);
        db.TemplateVersions.Add(version);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The shipped definition; a broken resource is a build defect, so it throws.</summary>
    public static TemplateDefinition ReadDefinition()
    {
        using var stream = typeof(DefaultTemplateSeed).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The default questionnaire ip-risk-overseas-manufacturing.v1.json is not embedded in the app.");
        using var reader = new StreamReader(stream);
        return TemplateJson.Deserialize(reader.ReadToEnd());
    }
}
