namespace DueDiligence.Web.Infrastructure.RateLimiting;

/// <summary>The <c>RateLimits</c> configuration section: how many requests are allowed in a fixed window.</summary>
public sealed class RateLimits
{
    public const string Section = "RateLimits";

    /// <summary>Requests from one client address that is not signed in, to any endpoint.</summary>
    public RateLimit AnonymousPerIp { get; set; } = new() { PermitLimit = 300, WindowSeconds = 60 };

    /// <summary>Requests to the supplier portal (links opened, its page, its files) from one client address: guessing links is slow.</summary>
    public RateLimit PortalPerIp { get; set; } = new() { PermitLimit = 60, WindowSeconds = 60 };

    /// <summary>One-time codes typed on the supplier portal's code page from one client address, whatever invitation they are for.</summary>
    public RateLimit PortalCodePerIp { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };

    /// <summary>Sign-in posts from one client address, whatever e-mail addresses they name.</summary>
    public RateLimit SignInPerIp { get; set; } = new() { PermitLimit = 20, WindowSeconds = 60 };

    /// <summary>API requests made with one personal access token, from any client address.</summary>
    public RateLimit ApiPerToken { get; set; } = new() { PermitLimit = 600, WindowSeconds = 60 };

    /// <summary>Sign-in posts naming one e-mail address, from any client address.</summary>
    public RateLimit SignInPerAccount { get; set; } = new() { PermitLimit = 10, WindowSeconds = 300 };
}

public sealed class RateLimit
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }

    public System.Threading.RateLimiting.FixedWindowRateLimiterOptions ToOptions() => new()
    {
        PermitLimit = PermitLimit,
        Window = TimeSpan.FromSeconds(WindowSeconds),
        QueueLimit = 0,
    };
}
