namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Logs every access decision that went against the user (ASVS 4.0.3 7.2.2): a use case that threw
/// <see cref="ForbiddenException"/>, as the page's feedback or an endpoint turns it into a message or a status. Page and
/// endpoint refusals of the authorization middleware are logged by ASP.NET Core itself; ended sessions by
/// <see cref="SessionValidity"/>.
/// </summary>
public sealed class AccessRefusals(CurrentUser currentUser, IHttpContextAccessor http, ILogger<AccessRefusals> logger)
{
    public async Task RecordAsync(ForbiddenException refusal)
    {
        // The account's id, not its name or address: logs carry no personal data.
        string actor;
        try
        {
            actor = await currentUser.GetUserIdAsync() is { } userId ? $"account {userId}" : "an anonymous visitor";
        }
        catch (ForbiddenException)
        {
            actor = "a session that has ended";
        }

        logger.LogWarning("Access refused to {Actor} from {ClientAddress}: {Reason}", actor, http.HttpContext?.Connection.RemoteIpAddress, refusal.Message);
    }
}
