using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Accounts;

public sealed record UserSummary(string Id, string Email, string DisplayName, string Role, string? RoleName, string? Force, string? ForceSlug, bool LockedOut, bool Disabled, bool MustChangePassword);

/// <summary>Which users the administrators' list shows: of one force (or of none: the national roles), and whose email starts with some text.</summary>
public sealed record UserQuery(int? ForceId = null, bool NoForce = false, string? EmailStartsWith = null);

/// <summary>Where a page of the users list starts: a user's normalised email and id (the list's order, unique by the id).</summary>
public readonly record struct UserKey(string Email, string Id)
{
    /// <summary>The id first (an id never holds "~"), then the email, which may hold anything.</summary>
    public override string ToString() => $"{Id}~{Email}";

    public static UserKey? Parse(string text)
    {
        var cut = text?.IndexOf('~', StringComparison.Ordinal) ?? -1;
        return cut > 0 ? new UserKey(text![(cut + 1)..], text[..cut]) : null;
    }
}

/// <param name="Password">A password to set; null generates a one-time password the user must change at first sign-in.</param>
public sealed record NewUserOptions(string? Email, string? DisplayName, string? Role, string? ForceSlug, string? Password = null);

/// <summary>
/// The people who sign in, for administrators (the admin pages and <c>evenhand users</c>) and for users' own passwords.
/// Every change is audited in the same save (never a password); changes that must end the user's sessions (disable,
/// reset, role or force) update the security stamp, which the sign-in cookie is checked against.
/// </summary>
public sealed class UserAdministration(UserManager<EvenhandUser> users, RoleManager<IdentityRole> roles, EvenhandDbContext db, TimeProvider time)
{
    /// <summary>Roles whose users belong to one force.</summary>
    public static IReadOnlySet<string> ForceRoles { get; } = Roles.All.Except(Roles.National).ToHashSet();

    public async Task<List<UserSummary>> ListAsync(CancellationToken ct)
    {
        var forces = await db.Forces.AsNoTracking().ToDictionaryAsync(f => f.Id, f => (f.Name, f.Slug), ct);
        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleByUser = userRoles.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).Order().ToList());
        var now = time.GetUtcNow();
        return (await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct))
            .Select(u =>
            {
                var names = roleByUser.GetValueOrDefault(u.Id, []);
                var force = u.ForceId is { } f && forces.TryGetValue(f, out var x) ? x : default;
                return new UserSummary(u.Id, u.Email ?? "", u.DisplayName, string.Join(", ", names.Select(Roles.Describe)), names.FirstOrDefault(),
                    force.Name, force.Slug, u.LockoutEnd > now, u.IsDisabled, u.MustChangePassword);
            })
            .ToList();
    }

    /// <summary>
    /// A page of users in email order, read by key (<see cref="UserKey"/>) through the normalised email index, with the count
    /// of users matching the filter; roles and forces are read for the page's users only.
    /// </summary>
    public async Task<KeysetPage<UserSummary>> PageAsync(UserQuery q, PageRequest<UserKey> request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(q);
        ArgumentNullException.ThrowIfNull(request);
        var query = db.Users.AsNoTracking();
        if (q.NoForce)
        {
            query = query.Where(u => u.ForceId == null);
        }
        else if (q.ForceId is { } forceId)
        {
            query = query.Where(u => u.ForceId == forceId);
        }

        if (!string.IsNullOrWhiteSpace(q.EmailStartsWith))
        {
            var prefix = q.EmailStartsWith.Trim().ToUpperInvariant();
            query = query.Where(u => u.NormalizedEmail!.StartsWith(prefix));
        }

        var total = await query.LongCountAsync(ct);
        if (request.Key is { } key)
        {
            query = request.From == PageFrom.After
                ? query.Where(u => string.Compare(u.NormalizedEmail, key.Email) > 0 || (u.NormalizedEmail == key.Email && string.Compare(u.Id, key.Id) > 0))
                : query.Where(u => string.Compare(u.NormalizedEmail, key.Email) < 0 || (u.NormalizedEmail == key.Email && string.Compare(u.Id, key.Id) < 0));
        }

        query = request.Backwards ? query.OrderByDescending(u => u.NormalizedEmail).ThenByDescending(u => u.Id) : query.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id);
        var page = KeysetPage.From(request, await query.Take(request.Take(total)).ToListAsync(ct), total);
        var summaries = await SummariesAsync(page.Items, ct);
        return new KeysetPage<UserSummary>(summaries, page.HasPrevious, page.HasNext, page.Number, page.Size, page.Total);
    }

    /// <summary>The key of a row of <see cref="PageAsync"/>, for the links to the pages after and before it.</summary>
    public UserKey KeyOf(UserSummary user) => new(users.NormalizeEmail(user?.Email) ?? "", user!.Id);

    /// <summary>One user's summary; null when there is no such user.</summary>
    public async Task<UserSummary?> SummaryAsync(string? id, CancellationToken ct)
    {
        var user = string.IsNullOrEmpty(id) ? null : await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        return user is null ? null : (await SummariesAsync([user], ct))[0];
    }

    private async Task<List<UserSummary>> SummariesAsync(IReadOnlyList<EvenhandUser> page, CancellationToken ct)
    {
        var ids = page.Select(u => u.Id).ToList();
        var forceIds = page.Where(u => u.ForceId is not null).Select(u => u.ForceId!.Value).Distinct().ToList();
        var forces = await db.Forces.AsNoTracking().Where(f => forceIds.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => (f.Name, f.Slug), ct);
        var userRoles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct);
        var roleByUser = userRoles.GroupBy(x => x.UserId).ToDictionary(g => g.Key, g => g.Select(x => x.Name!).Order().ToList());
        var now = time.GetUtcNow();
        return page.Select(u =>
        {
            var names = roleByUser.GetValueOrDefault(u.Id, []);
            var force = u.ForceId is { } f && forces.TryGetValue(f, out var x) ? x : default;
            return new UserSummary(u.Id, u.Email ?? "", u.DisplayName, string.Join(", ", names.Select(Roles.Describe)), names.FirstOrDefault(),
                force.Name, force.Slug, u.LockoutEnd > now, u.IsDisabled, u.MustChangePassword);
        }).ToList();
    }

    /// <summary>The user with this id or email address.</summary>
    public async Task<EvenhandUser> FindAsync(string idOrEmail) =>
        await users.FindByIdAsync(idOrEmail) ?? await users.FindByEmailAsync(idOrEmail.Trim())
        ?? throw new NotFoundException($"There is no user with the id or email address '{idOrEmail}'.");

    /// <summary>Creates the user; returns the one-time password to show once (or the given password).</summary>
    public async Task<string> CreateAsync(NewUserOptions o, ProcessContext ctx, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var email = o.Email?.Trim();
        if (string.IsNullOrWhiteSpace(email) || !email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(new("Email", "Enter an email address, like name@force.police.uk"));
        }
        else if (await users.FindByEmailAsync(email) is not null || await users.FindByNameAsync(email) is not null)
        {
            errors.Add(new("Email", $"There is already a user with the email address {email}"));
        }

        if (string.IsNullOrWhiteSpace(o.DisplayName))
        {
            errors.Add(new("DisplayName", "Enter the person's name"));
        }

        var forceId = await CheckRoleAndForceAsync(o.Role, o.ForceSlug, errors, ct);
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }

        await EnsureRolesAsync();
        var password = string.IsNullOrEmpty(o.Password) ? PasswordRules.Generate() : o.Password;
        return await db.InTransactionAsync(async ct =>
        {
            var user = new EvenhandUser
            {
                UserName = email, Email = email, DisplayName = o.DisplayName!.Trim(), ForceId = forceId, EmailConfirmed = true,
                MustChangePassword = string.IsNullOrEmpty(o.Password),
            };
            Check(await users.CreateAsync(user, password), "Password");
            Check(await users.AddToRoleAsync(user, o.Role!));
            AuditLog.Record(db, ctx, "Created", "User", user.Id, forceId, null, new { user.Email, user.DisplayName, o.Role, o.ForceSlug });
            await db.SaveChangesAsync(ct);
            return password;
        }, ct);
    }

    /// <summary>A new one-time password (returned to show once), to be changed at the next sign-in; ends the user's sessions and any lockout.</summary>
    public async Task<string> ResetPasswordAsync(string userId, ProcessContext ctx, CancellationToken ct)
    {
        return await db.InTransactionAsync(async ct =>
        {
            var user = await FindAsync(userId);
            var password = PasswordRules.Generate();
            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user));
            }

            Check(await users.AddPasswordAsync(user, password));
            user.MustChangePassword = true;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            Check(await users.UpdateSecurityStampAsync(user));
            AuditLog.Record(db, ctx, "PasswordReset", "User", user.Id, user.ForceId, null, new { user.Email, MustChangePassword = true });
            await db.SaveChangesAsync(ct);
            return password;
        }, ct);
    }

    public Task DisableAsync(string userId, ProcessContext ctx, CancellationToken ct) => SetDisabledAsync(userId, true, ctx, ct);

    public Task EnableAsync(string userId, ProcessContext ctx, CancellationToken ct) => SetDisabledAsync(userId, false, ctx, ct);

    private async Task SetDisabledAsync(string userId, bool disabled, ProcessContext ctx, CancellationToken ct)
    {
        await db.InTransactionAsync(async ct =>
        {
            var user = await FindAsync(userId);
            if (disabled && user.Id == ctx.UserId)
            {
                throw new DomainRuleException("You cannot disable your own account. Ask another administrator.");
            }

            if (user.IsDisabled == disabled)
            {
                throw new DomainRuleException($"{user.Email} is already {(disabled ? "disabled" : "enabled")}.");
            }

            user.IsDisabled = disabled;
            // A new security stamp ends every session the user has: the cookie's stamp no longer matches.
            Check(await users.UpdateSecurityStampAsync(user));
            AuditLog.Record(db, ctx, disabled ? "Disabled" : "Enabled", "User", user.Id, user.ForceId, new { IsDisabled = !disabled }, new { IsDisabled = disabled });
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    /// <summary>Gives the user one role (replacing any other) and the force it needs; their sessions end so the new role applies at once.</summary>
    public async Task SetRoleAsync(string userId, string? role, string? forceSlug, ProcessContext ctx, CancellationToken ct)
    {
        await db.InTransactionAsync(async ct =>
        {
            var user = await FindAsync(userId);
            var errors = new List<FieldError>();
            var forceId = await CheckRoleAndForceAsync(role, forceSlug, errors, ct);
            if (errors.Count > 0)
            {
                throw new DomainRuleException(errors);
            }

            if (user.Id == ctx.UserId && role != Roles.Administrator)
            {
                throw new DomainRuleException([new FieldError("Role", "You cannot take the administrator role from yourself. Ask another administrator.")]);
            }

            await EnsureRolesAsync();
            var before = await users.GetRolesAsync(user);
            var beforeForce = user.ForceId is { } f ? await db.Forces.Where(x => x.Id == f).Select(x => x.Slug).SingleAsync(ct) : null;
            if (before.Count == 1 && before[0] == role && user.ForceId == forceId)
            {
                throw new DomainRuleException([new FieldError("Role", $"{user.Email} already has that role and force.")]);
            }

            Check(await users.RemoveFromRolesAsync(user, before));
            Check(await users.AddToRoleAsync(user, role!));
            user.ForceId = forceId;
            Check(await users.UpdateSecurityStampAsync(user));
            AuditLog.Record(db, ctx, "RoleChanged", "User", user.Id, forceId ?? user.ForceId,
                new { Roles = before, Force = beforeForce }, new { Roles = new[] { role }, Force = forceId is null ? null : forceSlug!.Trim() });
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    public async Task UnlockAsync(string userId, ProcessContext ctx, CancellationToken ct)
    {
        var user = await FindAsync(userId);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        AuditLog.Record(db, ctx, "Unlocked", "User", user.Id, user.ForceId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The signed-in user changes their own password (and so no longer has a one-time password).</summary>
    public async Task ChangeOwnPasswordAsync(string userId, string? current, string? next, string? confirm, ProcessContext ctx, CancellationToken ct)
    {
        await db.InTransactionAsync(async ct =>
        {
            var user = await FindAsync(userId);
            var errors = new List<FieldError>();
            if (string.IsNullOrEmpty(current))
            {
                errors.Add(new("CurrentPassword", "Enter your current password"));
            }

            if (string.IsNullOrEmpty(next))
            {
                errors.Add(new("NewPassword", "Enter a new password"));
            }
            else if (next == current)
            {
                errors.Add(new("NewPassword", "Your new password must be different from your current password"));
            }
            else if (next != confirm)
            {
                errors.Add(new("ConfirmPassword", "Enter the same new password twice"));
            }

            if (errors.Count == 0 && !await users.CheckPasswordAsync(user, current!))
            {
                errors.Add(new("CurrentPassword", "Your current password is not right"));
            }

            if (errors.Count == 0)
            {
                foreach (var validator in users.PasswordValidators)
                {
                    var result = await validator.ValidateAsync(users, user, next);
                    errors.AddRange(result.Errors.Select(e => new FieldError("NewPassword", e.Description)));
                }
            }

            if (errors.Count > 0)
            {
                throw new DomainRuleException(errors);
            }

            user.MustChangePassword = false;
            Check(await users.ChangePasswordAsync(user, current!, next!), "NewPassword");
            AuditLog.Record(db, ctx, "PasswordChanged", "User", user.Id, user.ForceId);
            await db.SaveChangesAsync(ct);
        }, ct);
    }

    private async Task<int?> CheckRoleAndForceAsync(string? role, string? forceSlug, List<FieldError> errors, CancellationToken ct)
    {
        if (role is null || !Roles.All.Contains(role))
        {
            errors.Add(new("Role", "Choose a role"));
            return null;
        }

        if (!ForceRoles.Contains(role))
        {
            if (!string.IsNullOrWhiteSpace(forceSlug))
            {
                errors.Add(new("ForceSlug", $"{Roles.Describe(role)} users see every force: choose no force"));
            }

            return null;
        }

        var slug = forceSlug?.Trim().ToLowerInvariant();
        var forceId = await db.Forces.Where(f => f.Slug == slug).Select(f => (int?)f.Id).SingleOrDefaultAsync(ct);
        if (forceId is null)
        {
            errors.Add(new("ForceSlug", "Choose the force this person belongs to"));
        }

        return forceId;
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var r in Roles.All)
        {
            if (!await roles.RoleExistsAsync(r))
            {
                Check(await roles.CreateAsync(new IdentityRole(r)));
            }
        }
    }

    private static void Check(IdentityResult result, string field = "")
    {
        if (!result.Succeeded)
        {
            throw new DomainRuleException(result.Errors.Select(e => new FieldError(field, e.Description)).DistinctBy(e => e.Message).ToList());
        }
    }
}
