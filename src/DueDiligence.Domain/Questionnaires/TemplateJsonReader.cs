using System.Text.Json;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>Walks a template JSON document by hand so that every problem is reported with its path, not just the first.</summary>
internal sealed class TemplateJsonReader(List<TemplateError> errors)
{
    private static readonly string QuestionTypeNames = string.Join(", ", Enum.GetNames<QuestionType>());

    public TemplateDefinition ReadTemplate(JsonElement root)
    {
        // A file of another schema would produce a flood of misleading errors: report the schema alone.
        if (!ExpectObject(root, "$") || !CheckSchema(root))
        {
            return new TemplateDefinition();
        }

        return ReadObject(root, "$", new TemplateDefinition(), (template, property, path) =>
        {
            switch (property.Name)
            {
                case "schema":
                    break;
                case "name":
                    template.Name = ReadRequiredString(property.Value, path);
                    break;
                case "description":
                    template.Description = ReadOptionalString(property.Value, path) ?? "";
                    break;
                case "sections":
                    template.Sections = ReadArray(property.Value, path, ReadSection);
                    break;
                default:
                    UnknownProperty(path);
                    break;
            }
        }, "name", "sections");
    }

    private bool CheckSchema(JsonElement root)
    {
        if (!root.TryGetProperty("schema", out var schema))
        {
            errors.Add(new("$.schema", $"The file has no \"schema\" marker; a template file starts with \"schema\": \"{TemplateJson.Schema}\"."));
            return false;
        }

        if (schema.ValueKind != JsonValueKind.String || schema.GetString() != TemplateJson.Schema)
        {
            errors.Add(new("$.schema", $"Unsupported schema {schema.GetRawText()}; this application reads \"{TemplateJson.Schema}\" only."));
            return false;
        }

        return true;
    }

    private SectionDefinition ReadSection(JsonElement element, string path) =>
        ReadObject(element, path, new SectionDefinition(), (section, property, propertyPath) =>
        {
            switch (property.Name)
            {
                case "code":
                    section.Code = ReadRequiredString(property.Value, propertyPath);
                    break;
                case "title":
                    section.Title = ReadRequiredString(property.Value, propertyPath);
                    break;
                case "description":
                    section.Description = ReadOptionalString(property.Value, propertyPath) ?? "";
                    break;
                case "weight":
                    section.Weight = ReadNumber(property.Value, propertyPath);
                    break;
                case "questions":
                    section.Questions = ReadArray(property.Value, propertyPath, ReadQuestion);
                    break;
                default:
                    UnknownProperty(propertyPath);
                    break;
            }
        }, "code", "title", "weight", "questions");

    private QuestionDefinition ReadQuestion(JsonElement element, string path) =>
        ReadObject(element, path, new QuestionDefinition(), ReadQuestionProperty, "code", "text", "type", "weight");

    private void ReadQuestionProperty(QuestionDefinition question, JsonProperty property, string path)
    {
        var value = property.Value;
        switch (property.Name)
        {
            case "code":
                question.Code = ReadRequiredString(value, path);
                break;
            case "text":
                question.Text = ReadRequiredString(value, path);
                break;
            case "type":
                question.Type = ReadQuestionType(value, path);
                break;
            case "weight":
                question.Weight = ReadNumber(value, path);
                break;
            case "required":
                question.Required = ReadBoolean(value, path);
                break;
            case "allowNotApplicable":
                question.AllowNotApplicable = ReadBoolean(value, path);
                break;
            case "evidenceRequired":
                question.EvidenceRequired = ReadBoolean(value, path);
                break;
            case "inverted":
                question.Inverted = ReadBoolean(value, path);
                break;
            case "guidance":
                question.Guidance = ReadOptionalString(value, path) ?? "";
                break;
            case "mitigation":
                question.Mitigation = ReadOptionalString(value, path) ?? "";
                break;
            case "references":
                question.References = ReadArray(value, path, ReadRequiredString);
                break;
            case "options":
                question.Options = ReadArray(value, path, ReadOption);
                break;
            case "bands":
                question.Bands = ReadArray(value, path, ReadBand);
                break;
            case "unit":
                question.Unit = ReadOptionalString(value, path);
                break;
            case "knockOut":
                question.KnockOut = value.ValueKind == JsonValueKind.Null ? null : ReadKnockOut(value, path);
                break;
            default:
                UnknownProperty(path);
                break;
        }
    }

    private OptionDefinition ReadOption(JsonElement element, string path) =>
        ReadObject(element, path, new OptionDefinition(), (option, property, propertyPath) =>
        {
            switch (property.Name)
            {
                case "code":
                    option.Code = ReadRequiredString(property.Value, propertyPath);
                    break;
                case "label":
                    option.Label = ReadRequiredString(property.Value, propertyPath);
                    break;
                case "points":
                    option.Points = ReadNumber(property.Value, propertyPath);
                    break;
                default:
                    UnknownProperty(propertyPath);
                    break;
            }
        }, "code", "label", "points");

    // "upTo" is optional: leaving it out means the same as null, the open-ended band.
    private NumberBand ReadBand(JsonElement element, string path) =>
        ReadObject(element, path, new NumberBand(), (band, property, propertyPath) =>
        {
            switch (property.Name)
            {
                case "upTo":
                    band.UpTo = property.Value.ValueKind == JsonValueKind.Null ? null : ReadNumber(property.Value, propertyPath);
                    break;
                case "points":
                    band.Points = ReadNumber(property.Value, propertyPath);
                    break;
                default:
                    UnknownProperty(propertyPath);
                    break;
            }
        }, "points");

    /// <summary>Reads each property of an object into <paramref name="target"/> and reports the required ones that are missing.</summary>
    private T ReadObject<T>(JsonElement element, string path, T target, Action<T, JsonProperty, string> readProperty, params string[] required)
    {
        if (!ExpectObject(element, path))
        {
            return target;
        }

        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            found.Add(property.Name);
            readProperty(target, property, $"{path}.{property.Name}");
        }

        RequireProperties(found, path, required);
        return target;
    }

    private KnockOutRule ReadKnockOut(JsonElement element, string path) =>
        ReadObject(element, path, new KnockOutRule(), (rule, property, propertyPath) =>
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "yesNo":
                    rule.YesNo = value.ValueKind == JsonValueKind.Null ? null : ReadBoolean(value, propertyPath);
                    break;
                case "options":
                    rule.Options = value.ValueKind == JsonValueKind.Null ? [] : ReadArray(value, propertyPath, ReadRequiredString);
                    break;
                case "maturityAtOrBelow":
                    rule.MaturityAtOrBelow = value.ValueKind == JsonValueKind.Null ? null : ReadInteger(value, propertyPath);
                    break;
                case "dateOnOrBeforeAsOf":
                    rule.DateOnOrBeforeAsOf = value.ValueKind != JsonValueKind.Null && ReadBoolean(value, propertyPath);
                    break;
                default:
                    UnknownProperty(propertyPath);
                    break;
            }
        });

    private QuestionType ReadQuestionType(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            errors.Add(new(path, $"Expected the question type as a string, one of {QuestionTypeNames}."));
            return default;
        }

        var text = element.GetString();
        foreach (var type in Enum.GetValues<QuestionType>())
        {
            if (string.Equals(type.ToString(), text, StringComparison.OrdinalIgnoreCase))
            {
                return type;
            }
        }

        errors.Add(new(path, $"Unknown question type \"{text}\"; expected one of {QuestionTypeNames}."));
        return default;
    }

    private List<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"Expected an array, found {Describe(element)}."));
            return [];
        }

        var items = new List<T>(element.GetArrayLength());
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            items.Add(readItem(item, $"{path}[{index}]"));
            index++;
        }

        return items;
    }

    private string ReadRequiredString(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString()!;
        }

        errors.Add(new(path, $"Expected a string, found {Describe(element)}."));
        return "";
    }

    private string? ReadOptionalString(JsonElement element, string path)
    {
        return element.ValueKind == JsonValueKind.Null ? null : ReadRequiredString(element, path);
    }

    private double ReadNumber(JsonElement element, string path)
    {
        // TryGetDouble refuses numbers too large for a double, which would otherwise throw.
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value))
        {
            return value;
        }

        errors.Add(new(path, $"Expected a number, found {Describe(element)}."));
        return 0;
    }

    private int ReadInteger(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        errors.Add(new(path, $"Expected a whole number, found {Describe(element)}."));
        return 0;
    }

    private bool ReadBoolean(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            default:
                errors.Add(new(path, $"Expected true or false, found {Describe(element)}."));
                return false;
        }
    }

    private bool ExpectObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new(path, $"Expected an object, found {Describe(element)}."));
        return false;
    }

    private void RequireProperties(HashSet<string> found, string path, params string[] names)
    {
        foreach (var name in names)
        {
            if (!found.Contains(name))
            {
                errors.Add(new($"{path}.{name}", $"The required property \"{name}\" is missing."));
            }
        }
    }

    private void UnknownProperty(string path)
    {
        // Strict on purpose: a misspelt "wieght" would otherwise be dropped silently.
        errors.Add(new(path, "Unknown property; check its spelling against the template schema."));
    }

    private static string Describe(JsonElement element)
    {
        return element.ValueKind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => $"the string \"{element.GetString()}\"",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null",
        };
    }
}
