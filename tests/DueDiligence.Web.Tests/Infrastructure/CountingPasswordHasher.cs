using System.Collections.Concurrent;
using DueDiligence.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Tests.Infrastructure;

/// <summary>The app's password hasher, noting every hash a password was checked against: the work done, not the time.</summary>
public sealed class CountingPasswordHasher(PasswordChecks checks, IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        checks.Add(hashedPassword);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

/// <summary>The hashes passwords were checked against, in the order the checks ran.</summary>
public sealed class PasswordChecks
{
    private readonly ConcurrentQueue<string> _hashes = new();

    public void Add(string hashedPassword) => _hashes.Enqueue(hashedPassword);

    public int Total => _hashes.Count;

    /// <summary>Checks against this stored hash: guesses of a real account's password.</summary>
    public int Against(string hashedPassword) => _hashes.Count(h => h == hashedPassword);
}
