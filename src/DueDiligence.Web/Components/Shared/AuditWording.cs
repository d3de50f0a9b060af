using System.Globalization;
using System.Text;
using System.Text.Json;
using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Auditing;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Infrastructure.Files;
using DueDiligence.Web.Infrastructure.Identity;

namespace DueDiligence.Web.Components.Shared;

/// <summary>One changed field of an audit event as a person reads it; <see cref="Before"/> is null when the record was added, <see cref="After"/> when it was removed.</summary>
public sealed record AuditChangeLine(string Label, string? Before, string? After)
{
    public bool IsChange => Before is not null && After is not null;
}

/// <summary>What an audit event refers to by id and can be named when the page looks it up.</summary>
public enum AuditReference
{
    Supplier,
    Assessment,
    User,
    Role,
    SourcingProject,
}

/// <summary>
/// The one place that says how the audit trail reads on screen (audit log, supplier history): record and field labels,
/// readable values (country names, status labels, dates, "—" for empty), and the technical fields that stay hidden
/// (ids, concurrency and security stamps, row versions, normalised copies). Ids that point to a record are shown as that
/// record's name when the page supplies it, else hidden.
/// </summary>
public static partial class AuditWording
{
    public const string Empty = "—";

    private const string NotLocked = "Not locked";

    private const int LongestValue = 400;

    /// <summary>"Supplier", "User account", "Evidence"… for a stored record type; unknown types in words.</summary>
    public static string RecordLabel(string entityType) =>
        RecordLabels.TryGetValue(entityType, out var label) ? label : Words(entityType);

    /// <summary>What happened, in a few words: "Supplier added", "Role of a user removed", "Evidence changed".</summary>
    public static string Describe(string entityType, AuditAction action) => (entityType, action) switch
    {
        ("IdentityUserRole", AuditAction.Insert) => "Role granted",
        ("IdentityUserRole", AuditAction.Delete) => "Role withdrawn",
        ("AssessmentTransition", AuditAction.Insert) => "Assessment moved on",
        ("AssessmentDecision", AuditAction.Insert) => "Decision recorded",
        ("EvidenceFile", AuditAction.Insert) => "Evidence uploaded",
        ("ScoreSnapshot", AuditAction.Insert) => "Score recorded",
        ("SignIn", AuditAction.Insert) => "Signed in",
        ("SignInRefused", AuditAction.Insert) => "Sign-in refused",
        ("Lockout", AuditAction.Insert) => "Account locked after failed sign-ins",
        ("SignOut", AuditAction.Insert) => "Signed out",
        ("PasswordChanged", AuditAction.Insert) => "Password changed by its user",
        ("PasswordResetIssued", AuditAction.Insert) => "Password reset link issued",
        ("PasswordReset", AuditAction.Insert) => "Password set through a reset link",
        ("MfaEnabled", AuditAction.Insert) => "Two-factor authentication turned on",
        ("MfaDisabled", AuditAction.Insert) => "Two-factor authentication turned off",
        ("MfaReset", AuditAction.Insert) => "Two-factor authentication reset by an administrator",
        ("RecoveryCodesRegenerated", AuditAction.Insert) => "New recovery codes made",
        ("RecoveryCodeUsed", AuditAction.Insert) => "Recovery code used to sign in",
        ("SecondStepRefused", AuditAction.Insert) => "Sign-in code refused",
        ("SessionEnded", AuditAction.Insert) => "Session ended by the server",
        ("PortalLinkOpened", AuditAction.Insert) => "Supplier portal link opened",
        ("PortalRefused", AuditAction.Insert) => "Supplier portal visitor refused",
        ("ApiTokenCreated", AuditAction.Insert) => "API token made",
        ("ApiTokenRevoked", AuditAction.Insert) => "API token revoked",
        ("ApiTokenRefused", AuditAction.Insert) => "API token refused",
        ("WebhookDelivery", AuditAction.Update) => "Webhook delivery sent again",
        (AuditChain.TamperingFoundType, AuditAction.Insert) => "Audit trail found tampered with",
        _ => $"{RecordLabel(entityType)} {Verb(action)}",
    };

    public static string Verb(AuditAction action) => action switch
    {
        AuditAction.Insert => "added",
        AuditAction.Delete => "removed",
        _ => "changed",
    };

    /// <summary>The changed fields a person cares about, labelled and with readable values; technical fields left out.</summary>
    public static IReadOnlyList<AuditChangeLine> Lines(string? entityType, string changesJson, IReadOnlyDictionary<string, string>? names = null)
    {
        var lines = new List<(int Order, AuditChangeLine Line)>();
        using var document = Parse(changesJson);
        if (document is null)
        {
            return [];
        }

        var order = entityType is not null && ByRecord.TryGetValue(entityType, out var own) ? own.Keys.ToList() : [];
        var position = 0;
        foreach (var property in document.RootElement.EnumerateObject())
        {
            position++;
            var field = FieldOf(entityType, property.Name);
            if (field.Kind == Kind.Hidden || property.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var hasBefore = property.Value.TryGetProperty("before", out var before);
            var hasAfter = property.Value.TryGetProperty("after", out var after);
            var line = field.Kind switch
            {
                Kind.Secret => hasAfter ? new AuditChangeLine(field.Label, null, hasBefore ? "changed" : "set") : null,
                Kind.Reference => ReferenceLine(field, hasBefore ? before : null, hasAfter ? after : null, names),
                _ => new AuditChangeLine(field.Label, hasBefore ? Value(field, before) : null, hasAfter ? Value(field, after) : null),
            };
            if (line is null || (line.IsChange && line.Before == line.After) || IsEmptyOnOneSide(line))
            {
                continue;
            }

            var listed = order.IndexOf(property.Name);
            lines.Add((listed >= 0 ? listed : order.Count + position, line));
        }

        return lines.OrderBy(l => l.Order).Select(l => l.Line).ToList();
    }

    /// <summary>An empty field of a record added or removed says nothing; only a change to or from empty does.</summary>
    private static bool IsEmptyOnOneSide(AuditChangeLine line) =>
        !line.IsChange && (line.After ?? line.Before) is Empty or NotLocked;

    /// <summary>The ids of the records an event names (its own, its supplier's, its user's…), for the page to look up their names.</summary>
    public static IEnumerable<(AuditReference Kind, string Id)> References(string entityType, string entityKey, string changesJson)
    {
        if (OwnReference(entityType) is { } own)
        {
            yield return (own, entityType == "IdentityUserRole" ? entityKey.Split('|')[0] : entityKey);
        }

        if (entityType == "IdentityUserRole" && entityKey.Split('|') is [_, var roleId])
        {
            yield return (AuditReference.Role, roleId);
        }

        using var document = Parse(changesJson);
        if (document is null)
        {
            yield break;
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (FieldOf(entityType, property.Name) is not { Kind: Kind.Reference, Reference: { } kind } || property.Value.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            foreach (var side in new[] { "before", "after" })
            {
                if (property.Value.TryGetProperty(side, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } id)
                {
                    yield return (kind, id);
                }
            }
        }
    }

    /// <summary>
    /// Which record the event is about, by name: the supplier's legal name, "Assessment of …", the user's name, the
    /// country… Null when nothing readable is known (the record type and the action still say what happened).
    /// </summary>
    public static string? Subject(string entityType, string entityKey, string changesJson, IReadOnlyDictionary<string, string>? names = null)
    {
        names ??= new Dictionary<string, string>();
        switch (entityType)
        {
            case "Supplier" or "Assessment" or "AssessmentDecision" or "AppUser" or "SourcingProject" or "IdentityRole"
                or "SignIn" or "SignInRefused" or "Lockout" or "SignOut" or "SessionEnded" or "PasswordChanged" or "PasswordResetIssued" or "PasswordReset"
                or "MfaEnabled" or "MfaDisabled" or "MfaReset" or "RecoveryCodesRegenerated" or "RecoveryCodeUsed" or "SecondStepRefused"
                or "ApiTokenCreated" or "ApiTokenRevoked" or "ApiTokenRefused":
                if (names.TryGetValue(entityKey, out var own))
                {
                    return own;
                }

                break;
            case "IdentityUserRole":
                var parts = entityKey.Split('|');
                var user = names.GetValueOrDefault(parts[0]);
                var role = parts.Length > 1 ? names.GetValueOrDefault(parts[1]) : null;
                return user is null ? role : role is null ? user : $"{user}: {role}";
            case "Jurisdiction":
                return Countries.IsKnown(entityKey) ? Countries.NameOf(entityKey) : null;
        }

        using var document = Parse(changesJson);
        if (document is null)
        {
            return null;
        }

        var values = document.RootElement;
        string? Read(string field) =>
            values.TryGetProperty(field, out var change) && change.ValueKind == JsonValueKind.Object
                ? (change.TryGetProperty("after", out var after) && after.ValueKind == JsonValueKind.String ? after.GetString()
                    : change.TryGetProperty("before", out var before) && before.ValueKind == JsonValueKind.String ? before.GetString() : null)
                : null;

        foreach (var reference in new[] { "SupplierId", "AssessmentId", "SourcingProjectId" })
        {
            if (Read(reference) is { } id && names.TryGetValue(id, out var name))
            {
                return name;
            }
        }

        return entityType switch
        {
            "AppUser" => Read("DisplayName") ?? Read("Email"),
            "Supplier" => Read("LegalName"),
            "SourcingProject" or "TemplateVersion" => Read("Name"),
            "IdentityRole" => Read("Name") is { } roleName ? AppRoles.DisplayName(roleName) : null,
            "JurisdictionRating" or "IndicatorValue" => Read("Country") is { } code ? Countries.NameOf(code) : null,
            _ => null,
        };
    }

    /// <summary>PascalCase in words, first letter kept: "ApprovedWithConditions" → "Approved with conditions"; runs of capitals stay ("HQ").</summary>
    public static string Words(string identifier)
    {
        if (string.IsNullOrEmpty(identifier))
        {
            return identifier;
        }

        var text = new StringBuilder(identifier.Length + 8);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            var startsWord = i > 0 && char.IsUpper(c) && (char.IsLower(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1])));
            if (startsWord)
            {
                text.Append(' ');
            }

            var inAcronym = char.IsUpper(c) && ((i + 1 < identifier.Length && char.IsUpper(identifier[i + 1])) || (i > 0 && char.IsUpper(identifier[i - 1]) && (i + 1 == identifier.Length || !char.IsLower(identifier[i + 1]))));
            text.Append(i == 0 || inAcronym ? c : char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static Field FieldOf(string? entityType, string name)
    {
        if (entityType is not null && ByRecord.TryGetValue(entityType, out var own) && own.TryGetValue(name, out var specific))
        {
            return specific;
        }

        if (Common.TryGetValue(name, out var common))
        {
            return common;
        }

        if (entityType is null && AnyRecord.TryGetValue(name, out var named))
        {
            return named;
        }

        // Conventions of the model: who did it is kept twice (id and name): the name speaks; times end in AtUtc,
        // dates in On; other ids mean nothing to a reader.
        if (name.EndsWith("ById", StringComparison.Ordinal) || name.EndsWith("Id", StringComparison.Ordinal) || name.StartsWith("Normalized", StringComparison.Ordinal)
            || name.EndsWith("Json", StringComparison.Ordinal) || name.EndsWith("Stamp", StringComparison.Ordinal) || name.EndsWith("Key", StringComparison.Ordinal))
        {
            return Hidden;
        }

        if (name.EndsWith("ByName", StringComparison.Ordinal))
        {
            return new(Words(name[..^"ByName".Length]) + " by");
        }

        if (name.EndsWith("AtUtc", StringComparison.Ordinal))
        {
            return new(Words(name[..^"AtUtc".Length]), Kind.Instant);
        }

        if (name.EndsWith("On", StringComparison.Ordinal) && name.Length > 2)
        {
            return new(Words(name[..^"On".Length]), Kind.Date);
        }

        if (name.EndsWith("Country", StringComparison.Ordinal))
        {
            return new(Words(name), Kind.Country);
        }

        return new(Words(name));
    }

    private static AuditReference? OwnReference(string entityType) => entityType switch
    {
        "Supplier" => AuditReference.Supplier,
        "Assessment" or "AssessmentDecision" => AuditReference.Assessment,
        "AppUser" or "IdentityUserRole" or "IdentityUserToken" or "SignIn" or "SignInRefused" or "Lockout" or "SignOut" or "SessionEnded"
            or "PasswordChanged" or "PasswordResetIssued" or "PasswordReset"
            or "MfaEnabled" or "MfaDisabled" or "MfaReset" or "RecoveryCodesRegenerated" or "RecoveryCodeUsed" or "SecondStepRefused"
            or "ApiTokenCreated" or "ApiTokenRevoked" or "ApiTokenRefused" => AuditReference.User,
        "IdentityRole" => AuditReference.Role,
        "SourcingProject" => AuditReference.SourcingProject,
        _ => null,
    };

    private static AuditChangeLine? ReferenceLine(Field field, JsonElement? before, JsonElement? after, IReadOnlyDictionary<string, string>? names)
    {
        string? Name(JsonElement? value) => value is { ValueKind: JsonValueKind.String } id && names is not null && names.TryGetValue(id.GetString()!, out var name)
            ? name
            : value is null or { ValueKind: JsonValueKind.Null } ? Empty : null;

        var beforeName = before is null ? null : Name(before);
        var afterName = after is null ? null : Name(after);
        // An id whose record the page did not name means nothing to a reader: leave it out.
        if ((before is not null && beforeName is null) || (after is not null && afterName is null) || (beforeName ?? afterName) is null)
        {
            return null;
        }

        return new AuditChangeLine(field.Label, beforeName, afterName);
    }

    private static string Value(Field field, JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())))
        {
            return field.Kind == Kind.Lock ? NotLocked : Empty;
        }

        var text = value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
        return field.Kind switch
        {
            Kind.Country => Countries.IsKnown(text) ? Countries.NameOf(text) : text,
            Kind.Instant => Instant(text),
            Kind.Date => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? text : Instant(text),
            Kind.Figure => value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("0.0", CultureInfo.InvariantCulture) : text,
            Kind.Number => value.ValueKind == JsonValueKind.Number ? value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture) : text,
            Kind.Bytes => value.ValueKind == JsonValueKind.Number ? FileSize.Format(value.GetInt64()) : text,
            Kind.YesNo => value.ValueKind switch { JsonValueKind.True => "Yes", JsonValueKind.False => "No", _ => text },
            Kind.Choice => Choice(text),
            Kind.Activities => Activities(text),
            Kind.Options => Options(value, text),
            Kind.Lock => Lock(text),
            Kind.RoleName => AppRoles.DisplayName(text),
            _ => value.ValueKind switch
            {
                JsonValueKind.True => "Yes",
                JsonValueKind.False => "No",
                JsonValueKind.Number => value.GetDouble().ToString("0.##", CultureInfo.InvariantCulture),
                _ => Shorten(text),
            },
        };
    }

    private static string Instant(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? IsoDates.Moment(at.UtcDateTime)
            : text;

    private static string Lock(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var until)
            ? until.Year > 9000 ? "Locked by an administrator" : $"Locked until {Instant(text)}"
            : text;

    private static string Choice(string text) => ChoiceLabels.TryGetValue(text, out var label) ? label : IsIdentifier(text) ? Words(text) : text;

    private static string Activities(string text)
    {
        var names = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name => Enum.TryParse<SiteActivity>(name, out var activity) ? activity == SiteActivity.None ? null : SupplierLabels.ActivityName(activity) : name)
            .OfType<string>()
            .ToList();
        return names.Count == 0 ? Empty : string.Join(", ", names);
    }

    private static string Options(JsonElement value, string text)
    {
        try
        {
            using var options = value.ValueKind == JsonValueKind.String ? JsonDocument.Parse(text) : null;
            var array = options?.RootElement ?? value;
            if (array.ValueKind != JsonValueKind.Array)
            {
                return text;
            }

            var codes = array.EnumerateArray().Select(o => o.ValueKind == JsonValueKind.String ? o.GetString() : o.GetRawText()).ToList();
            return codes.Count == 0 ? Empty : string.Join(", ", codes);
        }
        catch (JsonException)
        {
            return text;
        }
    }

    private static string Shorten(string text) => text.Length <= LongestValue ? text : text[..LongestValue].TrimEnd() + "…";

    private static bool IsIdentifier(string text) => text.Length > 0 && char.IsUpper(text[0]) && text.All(char.IsLetterOrDigit);

    private static JsonDocument? Parse(string json)
    {
        try
        {
            var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

}
