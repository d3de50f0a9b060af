namespace DueDiligence.Web.Features.Account;

/// <summary>Where to go after signing in: only a path of this app — an open redirect would let a phishing link send users elsewhere.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
