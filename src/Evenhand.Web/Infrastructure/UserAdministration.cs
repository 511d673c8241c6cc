using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role, string? Force, bool LockedOut);

public sealed record NewUserOptions(string? Email, string? DisplayName, string? Role, string? ForceSlug);

/// <summary>Creating, listing and unlocking users for administrators. Every change is audited (never the password).</summary>
public sealed class UserAdministration(UserManager<EvenhandUser> users, RoleManager<IdentityRole> roles, EvenhandDbContext db, TimeProvider time)
{
    /// <summary>Roles whose users belong to one force.</summary>
    public static IReadOnlySet<string> ForceRoles { get; } = Roles.All.Except(Roles.National).ToHashSet();

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        var forces = await db.Forces.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleByUser = userRoles.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(x => Roles.Describe(x.Name!))));
        var now = time.GetUtcNow();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u => new UserSummary(u.Id, u.Email ?? "", u.DisplayName, roleByUser.GetValueOrDefault(u.Id, ""),
                u.ForceId is { } f ? forces.GetValueOrDefault(f) : null, u.LockoutEnd > now))
            .ToList();
    }

    /// <summary>Creates the user with a one-time generated password, returned to show once.</summary>
    public async Task<string> CreateAsync(NewUserOptions o, ProcessContext ctx, CancellationToken ct)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(o.Email) || !o.Email.Contains('@', StringComparison.Ordinal)) errors.Add("Enter an email address, like name@force.police.uk");
        if (string.IsNullOrWhiteSpace(o.DisplayName)) errors.Add("Enter the person's name");
        if (o.Role is null || !Roles.All.Contains(o.Role)) errors.Add("Choose a role");
        int? forceId = null;
        if (o.Role is not null && ForceRoles.Contains(o.Role))
        {
            forceId = await db.Forces.Where(f => f.Slug == o.ForceSlug).Select(f => (int?)f.Id).SingleOrDefaultAsync(ct);
            if (forceId is null) errors.Add("Choose the force this person belongs to");
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(string.Join(". ", errors) + ".");
        }

        if (!await roles.RoleExistsAsync(o.Role!))
        {
            await roles.CreateAsync(new IdentityRole(o.Role!));
        }

        var password = PasswordRules.Generate();
        var user = new EvenhandUser { UserName = o.Email!.Trim(), Email = o.Email.Trim(), DisplayName = o.DisplayName!.Trim(), ForceId = forceId, EmailConfirmed = true };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new DomainRuleException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await users.AddToRoleAsync(user, o.Role!);
        AuditLog.Record(db, ctx, "Created", "User", user.Id, forceId, null, new { user.Email, user.DisplayName, o.Role, o.ForceSlug });
        await db.SaveChangesAsync(ct);
        return password;
    }

    public async Task UnlockAsync(string userId, ProcessContext ctx, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(userId) ?? throw new NotFoundException("There is no such user.");
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AuditLog.Record(db, ctx, "Unlocked", "User", user.Id, user.ForceId);
        await db.SaveChangesAsync(ct);
    }
}
