using DueDiligence.Domain.Common;
using DueDiligence.Domain.IpRights;
using DueDiligence.Web.Infrastructure;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.IpRights;

/// <summary>What legal enters to correct one treaty fact of a country.</summary>
public sealed class TreatyFactInput
{
    public TreatyFact? Fact { get; set; }

    /// <summary>A year, "no", "yes" (trademark rule only) or blank for unknown.</summary>
    public string? Value { get; set; }

    public string Source { get; set; } = "";

    public int? SourceYear { get; set; }

    public string Reason { get; set; } = "";
}

internal sealed class TreatyFactInputValidator : AbstractValidator<TreatyFactInput>
{
    public TreatyFactInputValidator()
    {
        RuleFor(i => i.Fact).NotNull().WithMessage("Choose the treaty or rule to correct.");
        RuleFor(i => i.Value).Must((input, value) => Problem(input.Fact, value) is null).WithMessage((input, value) => Problem(input.Fact, value) ?? "");
        RuleFor(i => i.Source).NotEmpty().WithMessage("Name the source of the value (publisher and edition).").MaximumLength(300);
        RuleFor(i => i.SourceYear).InclusiveBetween(1800, 2100).WithMessage("Give a plausible year for the source.");
        RuleFor(i => i.Reason).NotEmpty().WithMessage("Say why the value is corrected: the audit trail keeps it.").MaximumLength(1000);
    }

    private static string? Problem(TreatyFact? fact, string? value)
    {
        if (fact is null)
        {
            return null;
        }

        try
        {
            TreatyReading.Parse(fact.Value, value);
            return null;
        }
        catch (DomainException e)
        {
            return e.Message;
        }
    }
}

/// <summary>
/// A legal reviewer (or an administrator) corrects one treaty fact of a country with its source and a reason; the audited
/// save keeps the old and new value, the reason and who changed it.
/// </summary>
public sealed class CorrectTreatyFact(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, IValidator<TreatyFactInput> validator, TimeProvider time)
{
    public async Task ExecuteAsync(string countryCode, Guid? version, TreatyFactInput input, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(IpRightsAccess.Editors);
        await validator.ValidateAndThrowAsync(input, cancellationToken);
        var country = CountryCode.Parse(countryCode);

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var treaties = await db.CountryTreaties.Include(t => t.Values).FirstOrDefaultAsync(t => t.Country == country, cancellationToken);
        if (treaties is null)
        {
            treaties = new CountryTreaties(country, null, null);
            db.CountryTreaties.Add(treaties);
        }
        else if (treaties.Version != version)
        {
            throw new ConcurrencyConflictException(Conflict(country));
        }

        treaties.Correct(input.Fact!.Value, input.Value, input.Source, input.SourceYear, input.Reason, await currentUser.GetActorNameAsync(), time.UtcNow());
        await db.SaveOrConflictAsync(Conflict(country), cancellationToken);
    }

    private static string Conflict(CountryCode country) =>
        $"The treaty data of {country.Name} was changed by someone else a moment ago. Nothing was saved: reload the page and enter the value again.";
}
