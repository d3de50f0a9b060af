namespace DueDiligence.Web.Infrastructure.Identity;

/// <summary>
/// Runs one operation in a fresh DI scope on behalf of the current user. Blazor keeps one scope for a whole circuit;
/// services that cache tracked entities (Identity's UserManager) must not live that long.
/// </summary>
public sealed class OperationScope(IServiceScopeFactory scopeFactory, CurrentUser currentUser)
{
    public async Task<T> RunAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        var principal = await currentUser.GetPrincipalAsync();
        await using var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(principal);
        return await work(scope.ServiceProvider);
    }
}
