using Evenhand.Forces;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Data;

/// <summary>Brings a database up to date: applies migrations and makes sure the reference data (the 43 forces) is present.</summary>
public static class DatabaseInitializer
{
    public static async Task InitialiseAsync(EvenhandDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        var existing = await db.Forces.ToDictionaryAsync(f => f.Slug, ct);
        foreach (var f in ForceCatalogue.All)
        {
            if (existing.TryGetValue(f.Slug, out var stored))
            {
                stored.Name = f.Name;
                stored.ShortName = f.ShortName;
                stored.LocalPolicingBody = f.LocalPolicingBody;
                stored.LocalPolicingBodyType = f.LocalPolicingBodyType;
                stored.Country = f.Country;
            }
            else
            {
                db.Forces.Add(new Force
                {
                    Slug = f.Slug,
                    Name = f.Name,
                    ShortName = f.ShortName,
                    LocalPolicingBody = f.LocalPolicingBody,
                    LocalPolicingBodyType = f.LocalPolicingBodyType,
                    Country = f.Country,
                });
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
