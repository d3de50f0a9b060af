using System.Security.Claims;
using DueDiligence.Domain.Questionnaires;
using DueDiligence.Domain.Suppliers;
using DueDiligence.Web.Features.Sourcing;
using DueDiligence.Web.Features.Suppliers;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>A user of the test app: a real account, and the principal a page would act as.</summary>
internal sealed record Person(string Id, string Name, string Email, string Role);

/// <summary>Accounts, suppliers and sourcing projects owned by one analyst, made through the app's own use cases.</summary>
internal sealed class RecordTeamScenario(AppFactory app)
{
    public async Task<Person> PersonAsync(string name, string role = AppRoles.Analyst)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(CurrentUser.SystemPrincipal);
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var email = $"{Guid.NewGuid():N}@test.local";
        var user = new AppUser { UserName = email, Email = email, DisplayName = name };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return new Person(user.Id, name, email, role);
    }

    /// <summary>Runs a use case as this person, in its own scope, as a page would.</summary>
    public async Task<T> AsAsync<T>(Person person, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAs(new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, person.Email), new Claim(ClaimTypes.NameIdentifier, person.Id),
                new Claim(AppClaims.DisplayName, person.Name), new Claim(ClaimTypes.Role, person.Role),
            ],
            "test")));
        return await work(scope.ServiceProvider);
    }

    public Task AsAsync(Person person, Func<IServiceProvider, Task> work) =>
        AsAsync(person, async services =>
        {
            await work(services);
            return true;
        });

    public Task<Guid> SupplierAsync(Person owner) =>
        AsAsync(owner, s => s.GetRequiredService<SupplierCommands>().CreateAsync(new SupplierInput
        {
            LegalName = $"Team Supplier {Guid.NewGuid():N}"[..24],
            HqCountry = "VN",
            Category = SupplierCategory.ContractManufacturer,
            Exposure = [new ExposureInput { Category = IpAssetCategory.DesignFiles, Sensitivity = 3 }],
        }));

    public Task<Guid> ProjectAsync(Person owner) =>
        AsAsync(owner, s => s.GetRequiredService<SourcingCommands>().CreateAsync(new SourcingProjectInput { Name = "Housings 2027", Need = "50k units/yr" }));

    public async Task<SupplierInput> SupplierInputAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return SupplierInput.From(await db.Suppliers.AsNoTracking()
            .Include(s => s.Sites).Include(s => s.Subcontractors).Include(s => s.Contacts).Include(s => s.Exposure).AsSplitQuery()
            .FirstAsync(s => s.Id == id));
    }

    public async Task<SourcingProjectInput> ProjectInputAsync(Guid id)
    {
        await using var db = await app.CreateDbContextAsync();
        return SourcingProjectInput.From(await db.SourcingProjects.AsNoTracking().FirstAsync(p => p.Id == id));
    }

    public async Task<Guid> PublishedTemplateAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.TemplateVersions.AsNoTracking().Where(t => t.Status == TemplateStatus.Published).Select(t => t.Id).FirstAsync();
    }
}
