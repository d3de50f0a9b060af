using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Infrastructure.RateLimiting;

/// <summary>Sign-in attempts per e-mail address typed (existing or not, case-insensitive), in fixed windows.</summary>
public sealed class SignInRateLimits(IOptions<RateLimits> limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAccount = PartitionedRateLimiter.Create<string, string>(email =>
        RateLimitPartition.GetFixedWindowLimiter(email.Trim().ToUpperInvariant(), _ => limits.Value.SignInPerAccount.ToOptions()));

    public bool TryAcquireForAccount(string email)
    {
        using var lease = _perAccount.AttemptAcquire(email);
        return lease.IsAcquired;
    }

    public void Dispose() => _perAccount.Dispose();
}
