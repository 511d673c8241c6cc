using Evenhand.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Evenhand.Tests.Accounts;

public sealed class PasswordRulesTests
{
    private static UserManager<EvenhandUser> Manager()
    {
        var options = new IdentityOptions();
        PasswordRules.Apply(options.Password);
        return new UserManager<EvenhandUser>(new NoStore(), Options.Create(options), new PasswordHasher<EvenhandUser>(),
            [], [new PasswordValidator<EvenhandUser>()], new UpperInvariantLookupNormalizer(), new IdentityErrorDescriber(), null!, null!);
    }

    [Fact]
    public async Task Generate_AlwaysMeetsThePolicyTheAppEnforces()
    {
        // A generator that only usually meets the policy made first start fail now and then; try it many times.
        using var manager = Manager();
        var validator = manager.PasswordValidators.Single();
        var user = new EvenhandUser { DisplayName = "Test", UserName = "t@example.org" };
        for (var i = 0; i < 2000; i++)
        {
            var password = PasswordRules.Generate();
            var result = await validator.ValidateAsync(manager, user, password);
            Assert.True(result.Succeeded, $"'{password}': {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }

    [Theory]
    [InlineData("short1A")]
    [InlineData("alllowercase123")]
    [InlineData("NoDigitsAtAllHere")]
    public async Task Policy_RefusesWeakPasswords(string password)
    {
        using var manager = Manager();
        var result = await manager.PasswordValidators.Single().ValidateAsync(manager, new EvenhandUser { DisplayName = "Test" }, password);
        Assert.False(result.Succeeded);
    }

    private sealed class NoStore : IUserStore<EvenhandUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(EvenhandUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(EvenhandUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(EvenhandUser user, string? userName, CancellationToken ct) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(EvenhandUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(EvenhandUser user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(EvenhandUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(EvenhandUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(EvenhandUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<EvenhandUser?> FindByIdAsync(string userId, CancellationToken ct) => Task.FromResult<EvenhandUser?>(null);
        public Task<EvenhandUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => Task.FromResult<EvenhandUser?>(null);
    }
}
