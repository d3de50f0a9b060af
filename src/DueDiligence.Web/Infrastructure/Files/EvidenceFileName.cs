namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>Checks an uploaded file's name and finds its type on the allow-list.</summary>
internal static class EvidenceFileName
{
    public const int MaxLength = 255;

    /// <returns>The accepted type the extension names.</returns>
    /// <exception cref="EvidenceRejectedException">The name is unusable or its extension is not accepted.</exception>
    public static EvidenceFileType Check(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw EvidenceRejectedException.InvalidName("The file has no name");
        }

        if (name.Length > MaxLength)
        {
            throw EvidenceRejectedException.InvalidName($"The file name is {name.Length} characters long, the limit is {MaxLength}");
        }

        if (name.Any(char.IsControl))
        {
            throw EvidenceRejectedException.InvalidName($"The file name “{Visible(name)}” contains control characters");
        }

        // Right-to-left overrides make "invoice\u202Efdp.exe" display as "invoiceexe.pdf".
        if (name.Any(IsBidiControl))
        {
            throw EvidenceRejectedException.InvalidName($"The file name “{Visible(name)}” contains invisible text-direction characters that can disguise its type");
        }

        if (name.IndexOfAny(['/', '\\', ':']) >= 0 || name == "..")
        {
            throw EvidenceRejectedException.InvalidName($"The file name “{name}” contains path characters");
        }

        // Windows drops a trailing dot or space, which would change the extension we checked.
        if (name.EndsWith('.') || name.EndsWith(' '))
        {
            throw EvidenceRejectedException.InvalidName($"The file name “{name}” ends with a dot or a space");
        }

        var extension = Path.GetExtension(name);
        if (extension.Length > 0 && string.IsNullOrWhiteSpace(Path.GetFileNameWithoutExtension(name)))
        {
            throw EvidenceRejectedException.InvalidName($"The file name “{name}” has nothing before its extension");
        }

        return EvidenceFileTypes.FindByExtension(extension) ?? throw EvidenceRejectedException.ExtensionNotAllowed(name, extension);
    }

    private static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The name with unprintable characters replaced, so that a message can quote it.</summary>
    private static string Visible(string name) =>
        string.Concat(name.Select(c => char.IsControl(c) || IsBidiControl(c) ? '\uFFFD' : c));
}
