using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.Circuits;

/// <summary>
/// Section <c>Circuits</c>: how long a page that allows it (the wizard and the supplier portal with every answer saved,
/// the home page, the dashboard) stays in a hidden browser tab before it gives its circuit back to the server
/// (<c>wwwroot/app.js</c>, docs/adr/0011). It takes a new one when the tab is shown again.
/// </summary>
public sealed class CircuitPauseOptions
{
    public const string SectionName = "Circuits";

    /// <summary>Seconds a hidden page keeps its circuit; 0 keeps it as long as the page is open. 120 unless set.</summary>
    public double PauseHiddenPageAfterSeconds { get; set; } = 120;

    /// <summary>The delay in whole milliseconds, as the page's script reads it; null when pages never pause.</summary>
    public long? PauseAfterMilliseconds => PauseHiddenPageAfterSeconds > 0 ? (long)Math.Ceiling(PauseHiddenPageAfterSeconds * 1000) : null;

    /// <summary>Why the setting cannot be used, naming it, or null when it can.</summary>
    public string? Problem() =>
        !double.IsFinite(PauseHiddenPageAfterSeconds) || PauseHiddenPageAfterSeconds < 0 || PauseHiddenPageAfterSeconds > 24 * 60 * 60
            ? $"Circuits:PauseHiddenPageAfterSeconds must be a number of seconds from 0 (never pause) to 86400 (it is {PauseHiddenPageAfterSeconds}); 120 is the default."
            : null;
}

/// <summary>Registers <see cref="CircuitPauseOptions"/>, and stops the app at start when they cannot be used.</summary>
public static class CircuitPauseSetup
{
    public static IServiceCollection AddCircuitPause(this IServiceCollection services)
    {
        services.AddOptions<CircuitPauseOptions>().BindConfiguration(CircuitPauseOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CircuitPauseOptions>, CircuitPauseValidation>();
        return services;
    }

    private sealed class CircuitPauseValidation : IValidateOptions<CircuitPauseOptions>
    {
        public ValidateOptionsResult Validate(string? name, CircuitPauseOptions options) =>
            options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
    }
}
