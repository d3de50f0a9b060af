using System.Security.Cryptography;
using System.Text;

namespace DueDiligence.Web.Infrastructure.Files;

/// <summary>
/// The temporary file an upload is written to before it gets its final name, in the evidence folder itself:
/// <c>.upload-{machine}-{process}-{random}.tmp</c>, so that a log naming a left-over file says which instance wrote it.
/// </summary>
public static class UploadTempFile
{
    /// <summary>Matches every upload's temporary file, including those of earlier releases (<c>.upload-{random}.tmp</c>).</summary>
    public const string SearchPattern = ".upload-*.tmp";

    private const int MaxMachineNameLength = 40;

    private static readonly string Owner = $"{SafeMachineName()}-{Environment.ProcessId}";

    public static string NewName() => $".upload-{Owner}-{RandomNumberGenerator.GetHexString(16, lowercase: true)}.tmp";

    /// <summary>The machine name with anything but letters, digits and hyphens replaced, so that it is safe in a file name.</summary>
    private static string SafeMachineName()
    {
        var name = new StringBuilder();
        foreach (var c in Environment.MachineName.Take(MaxMachineNameLength))
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_');
        }

        return name.Length == 0 ? "unknown" : name.ToString();
    }
}
