using DueDiligence.Domain.Common;
using DueDiligence.Domain.Jurisdictions;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace DueDiligence.Web.Features.Jurisdictions;

/// <summary>
/// A legal reviewer adds a country outside the shipped reference data to the jurisdiction list, to rate it. The new
/// jurisdiction has no reference indicators, so its risk is unknown until it is rated. The insert is audited.
/// </summary>
public sealed class AddJurisdiction(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    /// <summary>Adds the country and returns its code.</summary>
    public async Task<string> ExecuteAsync(string? countryCode, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAnyRoleAsync(AppRoles.LegalReviewer);
        if (string.IsNullOrWhiteSpace(countryCode))
        {
            throw new DomainException("Choose the country to add.");
        }

        var country = CountryCode.Parse(countryCode);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await db.Jurisdictions.AnyAsync(j => j.Country == country, cancellationToken))
        {
            throw new DomainException(AlreadyListed(country));
        }

        db.Jurisdictions.Add(new Jurisdiction(country));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone added it between the check and the save.
            throw new DomainException(AlreadyListed(country));
        }

        return country.Value;
    }

    private static string AlreadyListed(CountryCode country) => $"{country.Name} is already in the jurisdiction list: open it there to rate it.";
}
