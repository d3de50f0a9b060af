using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Re-checks the session of an open circuit every few seconds (<see cref="SessionValidity"/>, whose answer is shared
/// by the instance's circuits and requests for <see cref="SessionValidity.RecheckAfter"/>), so that a page left open
/// goes to the sign-in page soon after its session ends, even when the user does nothing. A use case called in the
/// meantime is refused by <see cref="CurrentUser"/> at once.
/// </summary>
internal sealed class RevalidatingIdentityAuthenticationStateProvider(ILoggerFactory loggerFactory, SessionValidity sessions)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => SessionValidity.RecheckAfter;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken) =>
        await sessions.EndedBecauseAsync(authenticationState.User, clientAddress: null) is null;
}
