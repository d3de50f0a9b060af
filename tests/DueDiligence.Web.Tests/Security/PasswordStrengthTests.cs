using DueDiligence.Web.Features.Admin.Users;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DueDiligence.Web.Tests.Security;

/// <summary>An administrator creating an account cannot give it a password that is long enough but easy to guess.</summary>
public sealed class PasswordStrengthTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TooEasy = "This password is too easy to guess.";

    [Theory]
    [InlineData("aaaaaaaaaaaa", "Repeated characters like \"aaaa\" are easy to guess.")]
    [InlineData("password1234", "This is a very common password.")]
    [InlineData("qwertyuiop12", "This is a very common password.")]
    [InlineData("Welcome2026!", "This is a very common password.")]
    public async Task CreateUser_WithAGuessablePasswordOfTwelveCharacters_IsRefusedSayingWhy(string password, string why)
    {
        var (email, result) = await CreateAsync("Pat Example", password);

        var error = Assert.Single(result.Errors);
        Assert.StartsWith($"{TooEasy} {why}", error, StringComparison.Ordinal);
        Assert.Contains("Use a passphrase of four or more unrelated, uncommon words.", error, StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task CreateUser_WithTheUsersOwnEmailAndDigits_IsRefused()
    {
        var local = $"rowan{Guid.NewGuid():N}"[..12];
        var (email, result) = await CreateAsync("Pat Example", $"{local}@test.local2026", local);

        Assert.Equal($"A password must not contain your e-mail address or name (it contains \"{local}\").", Assert.Single(result.Errors));
        Assert.False(await ExistsAsync(email));
    }

    [Theory]
    [InlineData("Marguerite Okonkwo", "okonkwo-Summer-Lake-71")]
    [InlineData("Marguerite Okonkwo", "myMARGUERITEisstrong#1")]
    public async Task CreateUser_WithAPasswordContainingTheName_IsRefusedWhateverTheCase(string name, string password)
    {
        var (email, result) = await CreateAsync(name, password);

        Assert.StartsWith("A password must not contain your e-mail address or name (it contains ", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task CreateUser_WithTheApplicationsName_IsRefusedAsGuessable()
    {
        var (email, result) = await CreateAsync("Pat Example", "DueDiligence2026");

        Assert.StartsWith($"{TooEasy} It is built on your e-mail address, your name or the name of this application.", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task CreateUser_WithAStrongPassphrase_CreatesTheAccountThatCanSignIn()
    {
        const string passphrase = "walnut-harbour-lantern-58";
        var (email, result) = await CreateAsync("Pat Example", passphrase);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        using var client = await app.SignInAsync(email, passphrase);
    }

    [Fact]
    public async Task CreateUser_WithAPassphraseOf64Characters_IsAcceptedButOneOver128IsRefused()
    {
        var long64 = string.Join("-", "walnut harbour lantern quarry meadow copper violet thistle ember".Split(' '))[..64];
        var tooLong = string.Concat(Enumerable.Repeat("walnut-harbour-lantern-", 6))[..129];

        var (_, accepted) = await CreateAsync("Pat Example", long64);
        var (email, refused) = await CreateAsync("Pat Example", tooLong);

        Assert.True(accepted.Succeeded, string.Join(" ", accepted.Errors));
        Assert.Equal("A password can have at most 128 characters; this one has 129.", Assert.Single(refused.Errors));
        Assert.False(await ExistsAsync(email));
    }

    [Fact]
    public async Task ALowerMinimum_IsConfigurable()
    {
        await using var lenient = app.WithWebHostBuilder(b => b.UseSetting("Passwords:MinimumStrength", "0"));

        var (_, result) = await CreateAsync(lenient, "Pat Example", "password1234", null);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("-1")]
    public void AMinimumOutsideZeroToFour_StopsTheAppAtStartUp_SayingWhich(string minimum)
    {
        var error = StartUpFailure.Of(app, b => b.UseSetting("Passwords:MinimumStrength", minimum));

        Assert.Contains("Passwords:MinimumStrength must be a zxcvbn score from 0 (accept any) to 4", error, StringComparison.Ordinal);
    }

    private Task<(string Email, AdminResult Result)> CreateAsync(string name, string password, string? localPart = null) =>
        CreateAsync(app, name, password, localPart);

    /// <summary>Through the administrator's create-user use case, as the users page calls it.</summary>
    private static async Task<(string Email, AdminResult Result)> CreateAsync(WebApplicationFactory<Program> factory, string name, string password, string? localPart)
    {
        var email = $"{localPart ?? "user-" + Guid.NewGuid().ToString("N")}@test.local";
        var result = await AppFactory.AsUserAsync(factory.Services, "admin@test", [AppRoles.Admin], services =>
            services.GetRequiredService<UserAdministration>().CreateAsync(new NewUserInput
            {
                Email = email,
                DisplayName = name,
                Password = password,
                Roles = [AppRoles.Analyst],
            }));
        return (email, result);
    }

    private Task<bool> ExistsAsync(string email) =>
        app.AsUserAsync("admin@test", [AppRoles.Admin], async services =>
            await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email) is not null);
}
