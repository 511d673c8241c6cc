using Evenhand.Data;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// The demo users are shared by every test of a run (any test may sign in as <c>pcc.cheshire</c>), so no test may change
/// one: a lockout, a wrong password counted, a sign-out (which ends every session of the user), a new password, a role, a
/// disabled flag would pass or fail some later test depending on the order. The fixtures take a snapshot of them when the
/// app starts and compare it when the run ends; a test that needs to change its user makes its own
/// (<c>app.CreateUserAsync</c>, <c>app.SignedInAsNewUserAsync</c>).
/// </summary>
public static class DemoUserGuard
{
    public const string Domain = "demo.evenhand.test";

    /// <summary>Everything about each demo user that a test could change, by email.</summary>
    public static Dictionary<string, string> Snapshot(EvenhandDbContext db)
    {
        var roles = (from ur in db.UserRoles
                     join r in db.Roles on ur.RoleId equals r.Id
                     select new { ur.UserId, r.Name }).ToList().ToLookup(x => x.UserId, x => x.Name);
        return db.Users.Where(u => u.Email!.EndsWith("@" + Domain)).ToList().ToDictionary(
            u => u.Email!,
            u => string.Join(" | ",
                $"security stamp {u.SecurityStamp}", $"password hash {u.PasswordHash?.GetHashCode(StringComparison.Ordinal)}",
                $"locked out until {u.LockoutEnd:o}", $"failed sign-ins {u.AccessFailedCount}", $"disabled {u.IsDisabled}",
                $"must change password {u.MustChangePassword}", $"force {u.ForceId}", $"roles {string.Join(",", roles[u.Id].Order())}"),
            StringComparer.Ordinal);
    }

    /// <summary>What changed between two snapshots, one line per user and field; empty when nothing did.</summary>
    public static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after)
    {
        var changes = new List<string>();
        foreach (var (email, was) in before.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (!after.TryGetValue(email, out var now))
            {
                changes.Add($"{email}: deleted");
                continue;
            }

            var fields = was.Split(" | ").Zip(now.Split(" | ")).Where(f => f.First != f.Second).Select(f => $"{f.First} → {f.Second}");
            changes.AddRange(fields.Select(f => $"{email}: {f}"));
        }

        return changes;
    }

    public static InvalidOperationException Changed(string where, List<string> changes) => new(
        $"Tests changed shared demo users of {where}; a test that locks, signs out, signs in wrongly as or otherwise changes a user must "
        + "make its own (app.CreateUserAsync / SignedInAsNewUserAsync; BrowserFixture.CreateUserAsync / NewPageAsNewUserAsync):\n"
        + string.Join("\n", changes));
}
