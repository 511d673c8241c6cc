using Evenhand.Common;
using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Governance;
using Evenhand.HateIncidents;
using Evenhand.Responses;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.MyWork;

/// <summary>A person whose work is listed: their force (none for national users) and roles.</summary>
public sealed record WorkUser(string Id, string Email, string DisplayName, int? ForceId, IReadOnlyList<string> Roles);

/// <summary>A user's work in the three groups of the home page, with counts per kind.</summary>
public sealed record MyWorkView(DateOnly Today, IReadOnlyList<WorkItem> Overdue, IReadOnlyList<WorkItem> DueThisWeek, IReadOnlyList<WorkItem> DueLater)
{
    /// <summary>"Due this week": today and the six days after it.</summary>
    public const int WeekDays = 7;

    public IEnumerable<WorkItem> All => Overdue.Concat(DueThisWeek).Concat(DueLater);

    public int Count => Overdue.Count + DueThisWeek.Count + DueLater.Count;

    /// <summary>How many of each kind (in <see cref="WorkKinds.All"/> order), and of those how many are overdue.</summary>
    public IReadOnlyList<(string Kind, string Plural, int Count, int Overdue)> Counts =>
        WorkKinds.All.Select(k => (k.Kind, k.Plural, All.Count(i => i.Kind == k.Kind), Overdue.Count(i => i.Kind == k.Kind)))
            .Where(c => c.Item3 > 0).ToList();

    public static MyWorkView Of(IEnumerable<WorkItem> items, DateOnly today)
    {
        var list = items.ToList();
        var weekEnd = today.AddDays(WeekDays - 1);
        static IReadOnlyList<WorkItem> Ordered(IEnumerable<WorkItem> i) => i.OrderBy(x => x.DueOn ?? DateOnly.MinValue).ThenBy(x => x.Kind, StringComparer.Ordinal).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        return new(today,
            Ordered(list.Where(i => i.Overdue)),
            Ordered(list.Where(i => !i.Overdue && (i.DueOn is null || i.DueOn <= weekEnd))),
            Ordered(list.Where(i => !i.Overdue && i.DueOn > weekEnd)));
    }
}

/// <summary>
/// "Your work": asks every module's <see cref="IDueWorkSource"/> for the work in the user's force and keeps what the user does —
/// the items named for them, and their team's items no one is named for. Only the user's own force is ever read, and a national
/// user (no force) has none. The home page, the API, reminders and the calendar feed all use this one list.
/// </summary>
public sealed class MyWorkService(EvenhandDbContext db, IEnumerable<IDueWorkSource> sources, TimeProvider time)
{
    /// <summary>How far ahead "due later" looks on the home page, the API and the emails (the calendar feed has everything dated).</summary>
    public const int HorizonDays = 90;

    private readonly IReadOnlyList<IDueWorkSource> sources = [.. sources];

    /// <summary>The service with every module's source, for callers without dependency injection (the CLI, tests).</summary>
    public static MyWorkService For(EvenhandDbContext db, TimeProvider time) => new(db, Sources(db), time);

    /// <summary>The one list of modules that contribute work; a new module adds its source here.</summary>
    public static IReadOnlyList<IDueWorkSource> Sources(EvenhandDbContext db) =>
    [
        new Section55WorkSource(db),
        new ActionPlanWorkSource(db),
        new HateIncidentWorkSource(new HateIncidentService(db, new HatePolicyService(db))),
        new GovernanceWorkSource(db),
    ];

    public DateOnly Today => time.Today();

    /// <summary>The user by id with their roles; null when there is no such user or they are disabled.</summary>
    public async Task<WorkUser?> FindUserAsync(string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.ForceId }).SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == userId select r.Name!).ToListAsync(ct);
        return new WorkUser(user.Id, user.Email ?? "", user.DisplayName, user.ForceId, roles);
    }

    /// <summary>Every enabled user of a force with an email address, with their roles (for reminders).</summary>
    public async Task<IReadOnlyList<WorkUser>> UsersAsync(CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.ForceId != null && u.Email != null)
            .OrderBy(u => u.Id).Select(u => new { u.Id, u.Email, u.DisplayName, u.ForceId }).ToListAsync(ct);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        return users.Select(u => new WorkUser(u.Id, u.Email!, u.DisplayName, u.ForceId, [.. roles[u.Id]])).ToList();
    }

    /// <summary>The user's work, grouped for the home page (overdue, due this week, due in the next <see cref="HorizonDays"/> days).</summary>
    public async Task<MyWorkView> ViewAsync(WorkUser user, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var today = UkTime.Date(now);
        return MyWorkView.Of(WithinHorizon(await ItemsAsync(user, now, ct), today), today);
    }

    /// <summary>Items that are overdue, undated or due within <see cref="HorizonDays"/> days.</summary>
    public static IEnumerable<WorkItem> WithinHorizon(IEnumerable<WorkItem> items, DateOnly today) =>
        items.Where(i => i.Overdue || i.DueOn is null || i.DueOn <= today.AddDays(HorizonDays));

    /// <summary>Every item of the user's, however far ahead (the calendar feed's list).</summary>
    public async Task<IReadOnlyList<WorkItem>> ItemsAsync(WorkUser user, DateTimeOffset now, CancellationToken ct = default)
    {
        if (user.ForceId is not { } forceId)
        {
            return [];
        }

        var force = await db.Forces.AsNoTracking().SingleAsync(f => f.Id == forceId, ct);
        var items = await ForceItemsAsync(force, now, user.Roles, ct);
        return items.Where(i => i.IsFor(user.Id, user.ForceId, user.Roles)).ToList();
    }

    /// <summary>
    /// The force's work from the sources that concern any of <paramref name="roles"/> (all sources when null), for all its people.
    /// </summary>
    public async Task<IReadOnlyList<WorkItem>> ForceItemsAsync(Force force, DateTimeOffset now, IReadOnlyCollection<string>? roles, CancellationToken ct = default)
    {
        var today = UkTime.Date(now);
        var items = new List<WorkItem>();
        foreach (var source in sources.Where(s => roles is null || s.AssignsPeople || s.Teams.Any(roles.Contains)))
        {
            items.AddRange((await source.ItemsAsync(force, today, now, ct)).Where(i => i.Force.Id == force.Id));
        }

        return items;
    }
}
