using Evenhand.Data;
using Evenhand.Forces;
using Evenhand.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Tests.Data;

public sealed class MigrationTests
{
    public static TheoryData<string> Providers => TestDatabases.Providers;

    [SkippableTheory, MemberData(nameof(Providers))]
    public async Task Migrations_CoverTheModel_AndSeedThe43Forces(string provider)
    {
        TestDatabases.SkipIfUnavailable(provider);
        using var database = TestDatabases.Create(provider);
        await using var db = database.CreateContext();

        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes with no migration: run ./evenhand dev add-migration <Name>");
        await DatabaseInitializer.InitialiseAsync(db);
        await DatabaseInitializer.InitialiseAsync(db); // a second start changes nothing

        Assert.Equal(43, await db.Forces.CountAsync());
        Assert.Equal(ForceCatalogue.All.Select(f => f.Slug).Order(), (await db.Forces.Select(f => f.Slug).ToListAsync()).Order());
    }
}
