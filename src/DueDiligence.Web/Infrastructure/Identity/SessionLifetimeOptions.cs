namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>Section <c>Sessions</c>: how long a sign-in lasts when idle, and at most.</summary>
public sealed class SessionLifetimeOptions
{
    public const string SectionName = "Sessions";

    /// <summary>A session without a request for this long ends (the cookie's sliding expiry). 8 hours unless set.</summary>
    public double IdleTimeoutHours { get; set; } = 8;

    /// <summary>A session ends this long after its sign-in, however active it stays. 12 hours unless set.</summary>
    public double AbsoluteLifetimeHours { get; set; } = 12;

    public TimeSpan IdleTimeout => TimeSpan.FromHours(IdleTimeoutHours);

    public TimeSpan AbsoluteLifetime => TimeSpan.FromHours(AbsoluteLifetimeHours);

    /// <summary>Why the settings cannot be used, naming the setting, or null when they can.</summary>
    public string? Problem() =>
        !double.IsFinite(IdleTimeoutHours) || IdleTimeoutHours <= 0 || IdleTimeoutHours > 24 * 30
            ? $"Sessions:IdleTimeoutHours must be a number of hours above 0 and at most 720 (it is {IdleTimeoutHours}); 8 is the default."
            : !double.IsFinite(AbsoluteLifetimeHours) || AbsoluteLifetimeHours < IdleTimeoutHours || AbsoluteLifetimeHours > 24 * 30
                ? $"Sessions:AbsoluteLifetimeHours must be a number of hours at least Sessions:IdleTimeoutHours ({IdleTimeoutHours}) and at most 720 (it is {AbsoluteLifetimeHours}); 12 is the default."
                : null;
}

/// <summary>Stops the app at start with <see cref="SessionLifetimeOptions.Problem"/> when the settings cannot be used.</summary>
internal sealed class SessionLifetimeValidation : Microsoft.Extensions.Options.IValidateOptions<SessionLifetimeOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, SessionLifetimeOptions options) =>
        options.Problem() is { } problem
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Fail(problem)
            : Microsoft.Extensions.Options.ValidateOptionsResult.Success;
}
