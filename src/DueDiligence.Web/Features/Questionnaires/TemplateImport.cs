using System.Text;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using DueDiligence.Web.Infrastructure.Persistence.Configurations;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Questionnaires;

/// <summary>
/// One problem of an imported file, as its author reads it: a sentence that says where it is in words and what is wrong
/// ("Section 2 (Contracts), question 3 (CT-03): the weight must be a number; …"), then, in small print, the place in the
/// file (<c>$.sections[1].questions[2].weight</c>) and how the file spells what is asked, when that helps.
/// </summary>
public sealed record TemplateImportProblem(string Sentence, string Path, string? FileHint = null)
{
    /// <summary>A problem with the file as a whole (too large, not text): no place in it to point to.</summary>
    public static TemplateImportProblem WithFile(string sentence) => new(sentence, "$");

    public static TemplateImportProblem From(TemplateError error, TemplateDefinition? template)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(TemplateErrorText.Sentence(error, template), error.Path, error.FileHint);
    }
}

/// <summary>The outcome of an import: the new draft, or every problem found.</summary>
public sealed record TemplateImportResult(Guid? Id, IReadOnlyList<TemplateImportProblem> Errors)
{
    public bool Succeeded => Id is not null;

    public static TemplateImportResult Refused(params TemplateImportProblem[] errors) => new(null, errors);
}

/// <summary>Imports a <c>duediligence.template/1</c> file as a new template (a draft); stores nothing unless the file is complete and publishable.</summary>
public sealed class TemplateImport(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, TimeProvider time)
{
    public const int MaxFileBytes = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<TemplateImportResult> ImportAsync(Stream file, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(TemplateQueries.Manager);
        ArgumentNullException.ThrowIfNull(file);

        var bytes = await ReadAtMostAsync(file, MaxFileBytes + 1, cancellationToken);
        if (bytes.Length > MaxFileBytes)
        {
            return TemplateImportResult.Refused(TemplateImportProblem.WithFile("The file is larger than 1 MB. A template file is much smaller: check that you chose the right file."));
        }

        string json;
        try
        {
            json = StrictUtf8.GetString(bytes.AsSpan(StartOfText(bytes)));
        }
        catch (DecoderFallbackException)
        {
            return TemplateImportResult.Refused(TemplateImportProblem.WithFile("The file is not UTF-8 text. Save it as UTF-8 JSON, or export it again from DueDiligence."));
        }

        var parsed = TemplateJson.Parse(json);
        if (!parsed.Succeeded)
        {
            return new(null, parsed.Errors.Select(e => TemplateImportProblem.From(e, parsed.Partial)).ToList());
        }

        // The validator's paths point into the model; prefixed with "$." they point into the file like the parser's.
        var problems = TemplateValidator.Validate(parsed.Definition).Select(e => e with { Path = "$." + e.Path }).ToList();
        if (parsed.Definition.Name.Length > TemplateVersionConfiguration.NameMaxLength)
        {
            problems.Add(new("$.name", $"A template name has at most {TemplateVersionConfiguration.NameMaxLength} characters."));
        }

        if (problems.Count > 0)
        {
            return new(null, problems.Select(e => TemplateImportProblem.From(e, parsed.Definition)).ToList());
        }

        var draft = TemplateVersion.CreateDraft(parsed.Definition, time.UtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.TemplateVersions.Add(draft);
        await db.SaveChangesAsync(cancellationToken);
        return new(draft.Id, []);
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream stream, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length < limit && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    // Editors on Windows often save UTF-8 with a byte-order mark, which JSON readers refuse.
    private static int StartOfText(byte[] bytes) =>
        bytes is [0xEF, 0xBB, 0xBF, ..] ? 3 : 0;
}
