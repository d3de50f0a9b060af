using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>Reads and writes templates in the <c>duediligence.template/1</c> JSON format (import, export, storage).</summary>
public static class TemplateJson
{
    public const string Schema = "duediligence.template/1";

    // Relaxed escaping keeps "ISO/IEC 27001:2022 A.5.20" and accented text readable in exported files;
    // the output is a file, never embedded in HTML.
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(TemplateDefinition template)
    {
        ArgumentNullException.ThrowIfNull(template);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            TemplateJsonWriter.Write(writer, template);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a template known to be well-formed (e.g. one this application stored); throws otherwise.</summary>
    public static TemplateDefinition Deserialize(string json)
    {
        var result = Parse(json);
        if (!result.Succeeded)
        {
            throw new FormatException("The template JSON is not valid: " + string.Join(" ", result.Errors));
        }

        return result.Definition;
    }

    /// <summary>Reads a template from untrusted input, reporting every structural problem with its JSON path.</summary>
    /// <remarks>Publication rules (weights, options, knock-outs…) are checked separately by <see cref="TemplateValidator"/>.</remarks>
    public static TemplateParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line
                ? $" It breaks off or has a typing error at line {line + 1}, character {ex.BytePositionInLine + 1}: look there for a missing comma, quotation mark or bracket."
                : "";
            return TemplateParseResult.Failed(new TemplateDefinition(), [new("$", $"The file is not valid JSON, so it cannot be read.{where}")]);
        }

        using (document)
        {
            var errors = new List<TemplateError>();
            var definition = new TemplateJsonReader(errors).ReadTemplate(document.RootElement);
            return errors.Count == 0 ? TemplateParseResult.Success(definition) : TemplateParseResult.Failed(definition, errors);
        }
    }
}
