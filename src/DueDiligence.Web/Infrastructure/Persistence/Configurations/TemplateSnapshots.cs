using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using DueDiligence.Domain.Questionnaires;

namespace DueDiligence.Web.Infrastructure.Persistence.Configurations;

/// <summary>
/// The questionnaire snapshot of an assessment as read from the database, one instance per distinct content in the
/// process: every open assessment of a template version (every wizard, review and report) shares it instead of holding a
/// parsed copy of its own (the default template is ~75 KB of JSON, well over 100 KB parsed).
/// </summary>
/// <remarks>
/// Safe to share because an assessment never changes its snapshot: it reads it, and hands out copies
/// (<c>Assessment.Template</c>). Held weakly, so a snapshot no assessment uses any more is collected; the entries left
/// are a key and an empty reference each, one per template version ever read.
/// </remarks>
internal static class TemplateSnapshots
{
    private static readonly ConcurrentDictionary<string, WeakReference<TemplateDefinition>> Parsed = new(StringComparer.Ordinal);

    public static TemplateDefinition Read(string json)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
        if (Parsed.TryGetValue(key, out var known) && known.TryGetTarget(out var shared))
        {
            return shared;
        }

        var parsed = TemplateJson.Deserialize(json);
        Parsed[key] = new WeakReference<TemplateDefinition>(parsed);
        return parsed;
    }
}
