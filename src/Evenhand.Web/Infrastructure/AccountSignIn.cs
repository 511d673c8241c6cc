using System.Security.Claims;
using System.Security.Cryptography;
using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Signing in and out without telling anyone which accounts exist (ASVS 2.2.1, 3.3.1). Every attempt costs one password
/// hash check: an unknown email, or an account locked out, is checked against a dummy hash made by the same hasher with the
/// same settings, so the answer takes as long as a wrong password for a real account. Every attempt is also one database
/// save: an audit entry (ASVS 7.2.1; never the email typed, which may be a password typed in the wrong box), together with
/// Identity's failure count for a real account, so that write costs no extra round trip. Every failure, lockout included,
/// gets the same message (<see cref="FailedMessage"/>).
/// </summary>
public sealed class AccountSignIn(SignInManager<EvenhandUser> signIn, UserManager<EvenhandUser> users, IUserStore<EvenhandUser> store,
    EvenhandDbContext db, TimeProvider time)
{
    public const string SignedIn = nameof(SignedIn);
    public const string SignInFailed = nameof(SignInFailed);
    public const string SignInRefusedLocked = nameof(SignInRefusedLocked);

    /// <summary>One message for an unknown email, a wrong password and a locked account.</summary>
    public const string FailedMessage =
        "The email address or password is not right. After 5 wrong attempts in a row an account is locked for 15 minutes; " +
        "if you cannot sign in, ask your administrator.";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, string> DummyHashes = new();

    /// <summary>
    /// Signs in with an email and password (the user name is the email). The result says what happened for the caller's
    /// own use (<see cref="SignInResult.IsLockedOut"/>); what the user is shown must not depend on it.
    /// </summary>
    public async Task<SignInResult> PasswordSignInAsync(string email, string password)
    {
        // Identity's user store saves on every change by default; hold its changes for the one save below.
        var efStore = store as UserStore<EvenhandUser, IdentityRole, EvenhandDbContext, string, IdentityUserClaim<string>, IdentityUserRole<string>,
            IdentityUserLogin<string>, IdentityUserToken<string>, IdentityRoleClaim<string>>;
        var autoSave = efStore?.AutoSaveChanges ?? true;
        if (efStore is not null)
        {
            efStore.AutoSaveChanges = false;
        }

        try
        {
            var user = await users.FindByNameAsync(email);
            SignInResult result;
            if (user is null || await users.IsLockedOutAsync(user))
            {
                // The same work as checking a real account's password, then the same answer.
                users.PasswordHasher.VerifyHashedPassword(DummyUser, DummyHash(users.PasswordHasher), password);
                result = user is null ? SignInResult.Failed : SignInResult.LockedOut;
            }
            else
            {
                result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
            }

            var action = result.Succeeded ? SignedIn : result.IsLockedOut && user is not null ? SignInRefusedLocked : SignInFailed;
            var who = user is null
                ? new ProcessContext("anonymous", "(no such account)", time.GetUtcNow())
                : new ProcessContext(user.Id, user.UserName ?? user.Id, time.GetUtcNow());
            AuditLog.Record(db, who, action, "Account", user?.Id ?? "(none)", user?.ForceId);
            await db.SaveChangesAsync();
            return result;
        }
        finally
        {
            if (efStore is not null)
            {
                efStore.AutoSaveChanges = autoSave;
            }
        }
    }

    /// <summary>
    /// Signs out here and everywhere: the user's security stamp changes, so the cookie just removed — and any copy of it,
    /// on this or another device — fails the stamp check on its next request (the check runs on every request).
    /// </summary>
    public async Task SignOutAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }

    private static readonly EvenhandUser DummyUser = new() { UserName = "dummy", Email = "dummy", DisplayName = "dummy" };

    /// <summary>
    /// A hash of a random password, made once per kind of hasher (the hasher is scoped, its settings are not), in the
    /// hasher's current format and iteration count.
    /// </summary>
    internal static string DummyHash(IPasswordHasher<EvenhandUser> hasher) =>
        DummyHashes.GetOrAdd(hasher.GetType(), _ => hasher.HashPassword(DummyUser, Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
}
