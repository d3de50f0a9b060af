using DueDiligence.Domain.Agreements;
using DueDiligence.Domain.Common;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Agreements;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Infrastructure.Persistence.Seed;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Agreements;

/// <summary>Shortcuts over the demo data for the agreements tests: the supplier in legal review and its people.</summary>
internal static class AgreementsApp
{
    public static readonly string[] Legal = [AppRoles.LegalReviewer];
    public static readonly string[] Analyst = [AppRoles.Analyst];
    public static readonly string[] Executive = [AppRoles.Executive];
    public static readonly string[] Admin = [AppRoles.Admin];

    public static async Task<Supplier> SupplierAsync(AppFactory app, string legalName = DemoAgreements.Supplier)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.Suppliers.AsNoTracking().Include(s => s.Collaborators).SingleAsync(s => s.LegalName == legalName);
    }

    public static async Task<string> UserIdAsync(AppFactory app, string role)
    {
        await using var db = await app.CreateDbContextAsync();
        var email = DemoAccounts.ForRole(role).Email;
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static AgreementInput Nda(string title, string entity, DateTime? signedOn) => new()
    {
        Kind = AgreementKind.Nda,
        Title = title,
        OurEntity = "Meridian Instruments GmbH",
        ContractingEntity = entity,
        ContractingEntityCountry = "CN",
        SignedOn = signedOn,
        GoverningLaw = "DE",
        Forum = ForumKind.Arbitration,
        ForumCountry = "SG",
    };

    public static Task<T> AsAsync<T>(this AppFactory app, string user, string[] roles, Func<IServiceProvider, Task<T>> work) => app.AsUserAsync(user, roles, work);

    public static AgreementCommands Commands(this IServiceProvider services) => services.GetRequiredService<AgreementCommands>();

    public static AgreementQueries Queries(this IServiceProvider services) => services.GetRequiredService<AgreementQueries>();

    public static ReleaseLedger Ledger(this IServiceProvider services) => services.GetRequiredService<ReleaseLedger>();

    public static CountryCode Country(string code) => CountryCode.Parse(code);
}
