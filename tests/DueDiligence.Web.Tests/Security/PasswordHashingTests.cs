using System.Buffers.Binary;
using DueDiligence.Web.Infrastructure.Identity;
using DueDiligence.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Cryptography.KeyDerivation;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DueDiligence.Web.Tests.Security;

/// <summary>
/// Stored passwords resist offline guessing (ASVS 4.0.3 2.4.1–2.4.3): PBKDF2-HMAC-SHA512 with 210,000 iterations and a
/// 128-bit salt of its own per hash; a hash made with fewer iterations is made again at the next sign-in.
/// </summary>
public sealed class PasswordHashingTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Password = "walnut-harbour-lantern-58";

    [Fact]
    public async Task ANewPassword_IsHashedWithPbkdf2Sha512_210000Iterations_AndASaltOfItsOwn()
    {
        var first = await CreateUserAsync();
        var second = await CreateUserAsync();

        var hash = Parse((await UserAsync(first)).PasswordHash!);
        Assert.Equal((KeyDerivationPrf.HMACSHA512, 210_000, 16), (hash.Prf, hash.Iterations, hash.Salt.Length));
        Assert.NotEqual(hash.Salt, Parse((await UserAsync(second)).PasswordHash!).Salt);
    }

    [Fact]
    public async Task AHashWithFewerIterations_IsMadeAgainAtSignIn_WithoutEndingOtherSessions()
    {
        var email = await CreateUserAsync();
        var weak = new PasswordHasher<AppUser>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var stamp = await app.AsUserAsync("admin@test", [AppRoles.Admin], async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            user.PasswordHash = weak.HashPassword(user, Password);
            await users.UpdateAsync(user);
            return user.SecurityStamp;
        });
        Assert.Equal(100_000, Parse((await UserAsync(email)).PasswordHash!).Iterations);

        using var client = await app.SignInAsync(email, Password);

        var after = await UserAsync(email);
        Assert.Equal(210_000, Parse(after.PasswordHash!).Iterations);
        Assert.Equal(stamp, after.SecurityStamp);
        using var again = await app.SignInAsync(email, Password);
    }

    private async Task<string> CreateUserAsync()
    {
        var email = $"hash-{Guid.NewGuid():N}@test.local";
        await app.AsUserAsync("admin@test", [AppRoles.Admin], async services =>
        {
            var result = await services.GetRequiredService<UserManager<AppUser>>()
                .CreateAsync(new AppUser { UserName = email, Email = email, DisplayName = "Pat Example" }, Password);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
            return true;
        });
        return email;
    }

    private Task<AppUser> UserAsync(string email) =>
        app.AsUserAsync("admin@test", [AppRoles.Admin], async services =>
            (await services.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(email))!);

    /// <summary>Identity's v3 format: 0x01, the PRF, the iteration count and the salt length (big-endian), the salt, the subkey.</summary>
    private static (KeyDerivationPrf Prf, int Iterations, byte[] Salt) Parse(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        var saltLength = (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(9));
        return ((KeyDerivationPrf)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)),
            bytes.AsSpan(13, saltLength).ToArray());
    }
}
