using System.Net;
using System.Security.Cryptography;
using DueDiligence.Web.Features.Account.TwoFactor;
using DueDiligence.Web.Infrastructure.Auditing;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Features.Account;

public enum SignInOutcome
{
    SignedIn,

    /// <summary>Unknown address, wrong password or locked account: one outcome, so that none of them can be told apart.</summary>
    Refused,

    /// <summary>Too many attempts for the e-mail address typed, whether or not it has an account.</summary>
    TooManyAttempts,

    /// <summary>The right password for an account with two-factor authentication: the code is asked next (<see cref="TwoFactorSignIn"/>).</summary>
    SecondStepRequired,
}

/// <summary>
/// Sign-in with e-mail and password. Every attempt runs the password hasher exactly once — against the account's hash
/// only when <see cref="SignInAttempts"/> allows a check, otherwise (unknown address, locked account) against a decoy
/// hash — so that the time taken does not tell whether an address has an account or whether it is locked.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<AppUser> signIn, SignInAttempts attempts, SignInRateLimits limits, DecoyPasswordHash decoy, SecurityEvents audit, TwoFactorSignIn secondStep,
    ILogger<PasswordSignIn> logger)
{
    public async Task<SignInOutcome> SignInAsync(string email, string password, IPAddress? client)
    {
        var users = signIn.UserManager;
        if (!limits.TryAcquireForAccount(email))
        {
            // The log names accounts by id, never by what was typed: the audit trail keeps the address for whoever may read it.
            logger.LogWarning("Sign-in from {ClientAddress} refused: too many attempts for the address typed.", client);
            await audit.RecordAsync(SecurityEvent.SignInRefused, null, email, email, client?.ToString(), "too many attempts for this address");
            return SignInOutcome.TooManyAttempts;
        }

        var user = await users.FindByEmailAsync(email);
        if (user is null || !await attempts.TryStartCheckAsync(user.Id))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new AppUser(), decoy.Value, password);
            var reason = user is null ? "no such account" : "account locked";
            logger.LogWarning("Sign-in of account {UserId} from {ClientAddress} refused: {Reason}.", user?.Id ?? SecurityEvents.UnknownAccount, client, reason);
            await audit.RecordAsync(SecurityEvent.SignInRefused, user?.Id, email, email, client?.ToString(), reason);
            return SignInOutcome.Refused;
        }

        var check = users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? decoy.Value, password);
        if (check == PasswordVerificationResult.Failed)
        {
            var lockedNow = await attempts.FailedAsync(user.Id);
            logger.LogWarning("Sign-in of account {UserId} from {ClientAddress} refused: {Reason}.", user.Id, client, lockedNow ? "wrong password; account now locked" : "wrong password");
            await audit.RecordAsync(SecurityEvent.SignInRefused, user.Id, email, email, client?.ToString(), "wrong password");
            if (lockedNow)
            {
                await audit.RecordAsync(SecurityEvent.Lockout, user.Id, email, email, client?.ToString(), "too many wrong passwords");
            }

            return SignInOutcome.Refused;
        }

        if (user.TwoFactorEnabled)
        {
            // A password alone clears no failures: wrong codes stay counted until a right code.
            await attempts.PassedFirstStepAsync(user.Id);
            await secondStep.BeginAsync(user);
            logger.LogInformation("Sign-in of account {UserId} from {ClientAddress}: password accepted, code asked.", user.Id, client);
            return SignInOutcome.SecondStepRequired;
        }

        await attempts.SucceededAsync(user.Id);
        if (check == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // A hash of an older format or fewer iterations: hashed again as the hasher now hashes. The security stamp
            // stays, so the user's other sessions go on.
            user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
            await users.UpdateAsync(user);
        }

        await signIn.SignInAsync(user, isPersistent: false);
        logger.LogInformation("Sign-in of account {UserId} from {ClientAddress} succeeded.", user.Id, client);
        await audit.RecordAsync(SecurityEvent.SignIn, user.Id, user.Email ?? email, user.Email, client?.ToString());
        return SignInOutcome.SignedIn;
    }
}

/// <summary>A hash of a random password nobody knows, made once by the app's hasher: what an attempt without an account to check is checked against.</summary>
public sealed class DecoyPasswordHash(IOptions<PasswordHasherOptions> options)
{
    public string Value { get; } = new PasswordHasher<AppUser>(options).HashPassword(new AppUser(), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
