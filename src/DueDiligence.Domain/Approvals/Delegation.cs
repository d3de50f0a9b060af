using DueDiligence.Domain.Assessments;
using DueDiligence.Domain.Common;

namespace DueDiligence.Domain.Approvals;

/// <summary>
/// An executive hands their decision queue to another executive for a range of days (both inclusive): the delegate may
/// then decide on the delegator's behalf. Delegations do not chain, and revoking one ends it at once.
/// </summary>
public sealed class Delegation
{
    /// <summary>The longest delegation: a long absence is a change of approvers, not a delegation.</summary>
    public const int MaxDays = 366;

    private Delegation()
    {
    }

    private Delegation(Actor delegator, Actor delegateTo, DateOnly startsOn, DateOnly endsOn, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        DelegatorId = delegator.Id;
        DelegatorName = delegator.Name;
        DelegateId = delegateTo.Id;
        DelegateName = delegateTo.Name;
        StartsOn = startsOn;
        EndsOn = endsOn;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    /// <summary>The executive whose queue is delegated: the name of record of the delegate's decisions.</summary>
    public string DelegatorId { get; private set; } = "";

    public string DelegatorName { get; private set; } = "";

    public string DelegateId { get; private set; } = "";

    public string DelegateName { get; private set; } = "";

    /// <summary>The first day the delegate may act (UTC).</summary>
    public DateOnly StartsOn { get; private set; }

    /// <summary>The last day the delegate may act (UTC), inclusive.</summary>
    public DateOnly EndsOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? RevokedAtUtc { get; private set; }

    public string? RevokedByName { get; private set; }

    public bool IsRevoked => RevokedAtUtc is not null;

    /// <summary>Whether the delegate may act for the delegator on <paramref name="day"/>.</summary>
    public bool IsActiveOn(DateOnly day) => !IsRevoked && StartsOn <= day && day <= EndsOn;

    /// <summary>Neither revoked nor over by <paramref name="today"/>: it still counts when another delegation is set up.</summary>
    public bool IsCurrentOrUpcoming(DateOnly today) => !IsRevoked && EndsOn >= today;

    /// <summary>
    /// <paramref name="delegator"/> delegates to <paramref name="delegateTo"/> (both executives, checked by the caller).
    /// <paramref name="existing"/> are the delegations that involve either of them; overlapping ones that would make the
    /// queue unclear (two delegates at once, a delegate who is away, a chain) are refused, naming the one in the way.
    /// </summary>
    public static Delegation Create(Actor delegator, Actor delegateTo, DateOnly startsOn, DateOnly endsOn, IEnumerable<Delegation> existing, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(delegator);
        ArgumentNullException.ThrowIfNull(delegateTo);
        ArgumentNullException.ThrowIfNull(existing);
        if (string.Equals(delegator.Id, delegateTo.Id, StringComparison.Ordinal))
        {
            throw new DomainException("You cannot delegate your decision queue to yourself; choose another executive.");
        }

        var today = DateOnly.FromDateTime(nowUtc);
        if (startsOn < today)
        {
            throw new DomainException($"A delegation cannot start in the past; choose today ({AssessmentWording.Date(today)}) or a later day.");
        }

        if (endsOn < startsOn)
        {
            throw new DomainException($"The last day ({AssessmentWording.Date(endsOn)}) is before the first day ({AssessmentWording.Date(startsOn)}).");
        }

        if (endsOn.DayNumber - startsOn.DayNumber + 1 > MaxDays)
        {
            throw new DomainException($"A delegation lasts at most {MaxDays} days; for a longer absence ask an administrator to change the approvers.");
        }

        foreach (var other in existing.Where(d => d.IsCurrentOrUpcoming(today) && d.StartsOn <= endsOn && startsOn <= d.EndsOn))
        {
            if (other.DelegatorId == delegator.Id)
            {
                throw new DomainException(
                    $"Your queue is already delegated to {other.DelegateName} {other.Period}; revoke that delegation first, or choose days that do not overlap.");
            }

            if (other.DelegateId == delegator.Id)
            {
                throw new DomainException(
                    $"You act for {other.DelegatorName} {other.Period}; delegations do not pass on, so {other.DelegatorName} must change theirs first, or choose days that do not overlap.");
            }

            if (other.DelegatorId == delegateTo.Id)
            {
                throw new DomainException(
                    $"{delegateTo.Name} has delegated their own queue to {other.DelegateName} {other.Period}; choose another executive or days that do not overlap.");
            }
        }

        return new Delegation(delegator, delegateTo, startsOn, endsOn, nowUtc);
    }

    /// <summary>"from 1 June 2026 to 14 June 2026".</summary>
    public string Period => $"from {AssessmentWording.Date(StartsOn)} to {AssessmentWording.Date(EndsOn)}";

    /// <summary>The delegator ends the delegation; decisions already taken on their behalf stay as recorded.</summary>
    public void Revoke(Actor actor, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Id != DelegatorId)
        {
            throw new DomainException($"Only {DelegatorName}, who delegated the queue, can revoke this delegation.");
        }

        if (IsRevoked)
        {
            throw new DomainException($"This delegation was already revoked by {RevokedByName}.");
        }

        RevokedAtUtc = nowUtc;
        RevokedByName = actor.Name;
    }
}
