using System.Text.Json;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>Writes the template JSON by hand so the exported shape stays exactly the documented one.</summary>
internal static class TemplateJsonWriter
{
    public static void Write(Utf8JsonWriter writer, TemplateDefinition template)
    {
        writer.WriteStartObject();
        writer.WriteString("schema", TemplateJson.Schema);
        writer.WriteString("name", template.Name);
        writer.WriteString("description", template.Description);
        writer.WriteStartArray("sections");
        foreach (var section in template.Sections)
        {
            WriteSection(writer, section);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSection(Utf8JsonWriter writer, SectionDefinition section)
    {
        writer.WriteStartObject();
        writer.WriteString("code", section.Code);
        writer.WriteString("title", section.Title);
        writer.WriteNumber("weight", section.Weight);
        writer.WriteString("description", section.Description);
        writer.WriteStartArray("questions");
        foreach (var question in section.Questions)
        {
            WriteQuestion(writer, question);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteQuestion(Utf8JsonWriter writer, QuestionDefinition question)
    {
        writer.WriteStartObject();
        writer.WriteString("code", question.Code);
        writer.WriteString("text", question.Text);
        writer.WriteString("type", question.Type.ToString());
        writer.WriteNumber("weight", question.Weight);
        writer.WriteBoolean("required", question.Required);
        writer.WriteBoolean("allowNotApplicable", question.AllowNotApplicable);
        writer.WriteBoolean("evidenceRequired", question.EvidenceRequired);
        writer.WriteBoolean("inverted", question.Inverted);
        writer.WriteString("guidance", question.Guidance);
        writer.WriteString("mitigation", question.Mitigation);
        WriteStrings(writer, "references", question.References);

        // Type-specific parts are written only when present, to keep exported files readable.
        if (question.Options.Count > 0)
        {
            writer.WriteStartArray("options");
            foreach (var option in question.Options)
            {
                writer.WriteStartObject();
                writer.WriteString("code", option.Code);
                writer.WriteString("label", option.Label);
                writer.WriteNumber("points", option.Points);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (question.Bands.Count > 0)
        {
            writer.WriteStartArray("bands");
            foreach (var band in question.Bands)
            {
                writer.WriteStartObject();
                if (band.UpTo is { } upTo)
                {
                    writer.WriteNumber("upTo", upTo);
                }
                else
                {
                    writer.WriteNull("upTo");
                }

                writer.WriteNumber("points", band.Points);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        if (question.Unit is not null)
        {
            writer.WriteString("unit", question.Unit);
        }

        if (question.KnockOut is { } rule)
        {
            WriteKnockOut(writer, rule);
        }

        writer.WriteEndObject();
    }

    private static void WriteKnockOut(Utf8JsonWriter writer, KnockOutRule rule)
    {
        writer.WriteStartObject("knockOut");
        if (rule.YesNo is { } yesNo)
        {
            writer.WriteBoolean("yesNo", yesNo);
        }

        if (rule.Options.Count > 0)
        {
            WriteStrings(writer, "options", rule.Options);
        }

        if (rule.MaturityAtOrBelow is { } level)
        {
            writer.WriteNumber("maturityAtOrBelow", level);
        }

        if (rule.DateOnOrBeforeAsOf)
        {
            writer.WriteBoolean("dateOnOrBeforeAsOf", true);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
