using System.Text.Json;

namespace DueDiligence.Domain.Questionnaires;

/// <summary>Walks a template JSON document by hand so that every problem is reported with its path, not just the first.</summary>
internal sealed class TemplateJsonReader(List<TemplateError> errors)
{
    // The types as an author reads them, and as the file spells them (in the small print).
    private const string QuestionTypesInWords = "Yes/No, Maturity 0–4, Single choice, Multiple choice, Number, Date or Text";

    private static readonly string QuestionTypesInFile =
        "The file spells the types " + string.Join(", ", Enum.GetNames<QuestionType>()[..^1].Select(n => $"\"{n}\""))
        + $" or \"{Enum.GetNames<QuestionType>()[^1]}\".";

    private static readonly HashSet<string> Plurals = new(StringComparer.Ordinal) { "sections", "questions", "references", "options", "bands" };

    private static readonly Dictionary<string, string> Subjects = new(StringComparer.Ordinal)
    {
        ["schema"] = "the schema line",
        ["name"] = "the template name",
        ["description"] = "the description",
        ["sections"] = "the sections",
        ["code"] = "the code",
        ["title"] = "the title",
        ["weight"] = "the weight",
        ["questions"] = "the questions",
        ["text"] = "the question text",
        ["type"] = "the question type",
        ["required"] = "the “required” setting",
        ["allowNotApplicable"] = "the “N/A allowed” setting",
        ["evidenceRequired"] = "the “evidence required” setting",
        ["inverted"] = "the “inverted” setting",
        ["guidance"] = "the guidance",
        ["mitigation"] = "the mitigation",
        ["references"] = "the references",
        ["options"] = "the options",
        ["bands"] = "the bands",
        ["unit"] = "the unit",
        ["knockOut"] = "the knock-out rule",
        ["label"] = "the label",
        ["points"] = "the points",
        ["upTo"] = "the upper bound",
        ["yesNo"] = "the knock-out answer",
        ["maturityAtOrBelow"] = "the knock-out maturity level",
        ["dateOnOrBeforeAsOf"] = "the expired-date knock-out",
    };

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
            errors.Add(new("$.schema",
                "This is not a DueDiligence template file: it has no “schema” line. Export a template here to see the format.",
                $"A template file starts with \"schema\": \"{TemplateJson.Schema}\"."));
            return false;
        }

        if (schema.ValueKind != JsonValueKind.String || schema.GetString() != TemplateJson.Schema)
        {
            errors.Add(new("$.schema",
                $"This file is in another template format ({(schema.ValueKind == JsonValueKind.String ? $"“{schema.GetString()}”" : Describe(schema))}); DueDiligence reads template files in the format “{TemplateJson.Schema}” only."));
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
            var propertyPath = $"{path}.{property.Name}";
            if (!found.Add(property.Name))
            {
                // Refused, not "the last one wins": a reader and the importer must never see different values.
                errors.Add(new(propertyPath, $"“{property.Name}” is set more than once in {Owner(propertyPath)}: keep one and remove the others."));
                continue;
            }

            readProperty(target, property, propertyPath);
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
            errors.Add(new(path, $"{Capital(Subject(path))} must be one of {QuestionTypesInWords}; the file has {Describe(element)}.", QuestionTypesInFile));
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

        errors.Add(new(path, $"The question type “{text}” is unknown: a question is {QuestionTypesInWords}.", QuestionTypesInFile));
        return default;
    }

    private List<T> ReadArray<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new(path, $"{Capital(Subject(path))} must be a list in square brackets [ ]; the file has {Describe(element)}."));
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

        errors.Add(new(path, $"{Capital(Subject(path))} must be text in double quotes; the file has {Describe(element)}."));
        return "";
    }

    private string? ReadOptionalString(JsonElement element, string path)
    {
        return element.ValueKind == JsonValueKind.Null ? null : ReadRequiredString(element, path);
    }

    private double ReadNumber(JsonElement element, string path)
    {
        // TryGetDouble reads 1e309 as infinity: a figure is finite or refused (SCORING.md §6, ipdd-2026.2).
        if (element.ValueKind == JsonValueKind.Number && element.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new(path, element.ValueKind == JsonValueKind.Number
            ? $"{Capital(Subject(path))} is too large a number."
            : $"{Capital(Subject(path))} must be a number; the file has {Describe(element)}."));
        return 0;
    }

    private int ReadInteger(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out var value))
        {
            return value;
        }

        errors.Add(new(path, $"{Capital(Subject(path))} must be a whole number; the file has {Describe(element)}."));
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
                errors.Add(new(path, $"{Capital(Subject(path))} must be true or false; the file has {Describe(element)}."));
                return false;
        }
    }

    private bool ExpectObject(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        errors.Add(new(path, path == "$"
            ? $"The file must hold one template in braces {{ }}; it holds {Describe(element)}."
            : $"{Capital(Subject(path))} must be a group of settings in braces {{ }}; the file has {Describe(element)}."));
        return false;
    }

    private void RequireProperties(HashSet<string> found, string path, params string[] names)
    {
        foreach (var name in names)
        {
            if (!found.Contains(name))
            {
                errors.Add(new($"{path}.{name}", $"{Capital(Subject($"{path}.{name}"))} {(Plurals.Contains(name) ? "are" : "is")} missing."));
            }
        }
    }

    private void UnknownProperty(string path)
    {
        // Strict on purpose: a misspelt "wieght" would otherwise be dropped silently.
        var name = path[(path.LastIndexOf('.') + 1)..];
        errors.Add(new(path, $"“{name}” is not a setting of {Owner(path)}: check its spelling against a template exported from DueDiligence."));
    }

    private static string Describe(JsonElement element)
    {
        return element.ValueKind switch
        {
            JsonValueKind.Object => "a group of settings in braces { }",
            JsonValueKind.Array => "a list in square brackets [ ]",
            JsonValueKind.String => $"the text “{element.GetString()}”",
            JsonValueKind.Number => $"the number {element.GetRawText()}",
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => "null (nothing)",
        };
    }

    /// <summary>What a path names, for the start of a sentence: "the weight", "this question", "reference 2".</summary>
    private static string Subject(string path)
    {
        var end = path.LastIndexOf('[');
        if (path.EndsWith(']') && end > 0)
        {
            var index = int.Parse(path[(end + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            var list = path[..end];
            var inKnockOut = list.EndsWith(".knockOut.options", StringComparison.Ordinal);
            return list[(list.LastIndexOf('.') + 1)..] switch
            {
                "sections" => "this section",
                "questions" => "this question",
                "options" when inKnockOut => $"knock-out option {index + 1}",
                "options" => "this option",
                "bands" => "this band",
                "references" => $"reference {index + 1}",
                _ => $"item {index + 1}",
            };
        }

        var name = path[(path.LastIndexOf('.') + 1)..];
        if (name == "options" && path.EndsWith(".knockOut.options", StringComparison.Ordinal))
        {
            return "the knock-out options";
        }

        return Subjects.TryGetValue(name, out var subject) ? subject : $"“{name}”";
    }

    /// <summary>What the object holding a property is: "a question" for <c>$.sections[0].questions[1].wieght</c>.</summary>
    private static string Owner(string path)
    {
        var holder = path[..path.LastIndexOf('.')];
        if (holder.EndsWith(".knockOut", StringComparison.Ordinal))
        {
            return "a knock-out rule";
        }

        var end = holder.LastIndexOf('[');
        var list = end < 0 ? "" : holder[..end];
        return list[(list.LastIndexOf('.') + 1)..] switch
        {
            "sections" => "a section",
            "questions" => "a question",
            "options" => "an option",
            "bands" => "a band",
            _ => "a template",
        };
    }

    private static string Capital(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
