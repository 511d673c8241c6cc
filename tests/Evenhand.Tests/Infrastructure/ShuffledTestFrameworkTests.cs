namespace Evenhand.Tests.Infrastructure;

public sealed class ShuffledTestFrameworkTests
{
    private sealed record Case(string Collection, string Class, string Method, string Id);

    private static readonly Case[] Cases =
    [
        .. from collection in new[] { "Web app", "Parsing", "Cli" }
           from @class in new[] { "A", "B", "C", "D", "E" }
           from method in new[] { "One", "Two", "Three" }
           from row in new[] { "1", "2" }
           select new Case(collection, collection + "." + @class, method, $"{collection}/{@class}/{method}/{row}"),
    ];

    private static List<(string Collection, List<Case> Cases)> Shuffle(IEnumerable<Case> cases, int seed) =>
        ShuffledTestFramework.Shuffle(cases, seed, c => c.Collection, c => c.Collection, c => c.Class, c => c.Method, c => c.Id);

    private static string[] Flat(List<(string Collection, List<Case> Cases)> order) => [.. order.SelectMany(o => o.Cases).Select(c => c.Id)];

    [Fact]
    public void SameSeed_GivesTheSameOrder_WhateverOrderTheTestsWereFoundIn()
    {
        var reversed = Cases.Reverse().ToArray();
        var interleaved = Cases.OrderBy(c => c.Id.GetHashCode(StringComparison.Ordinal)).ToArray();

        Assert.Equal(Flat(Shuffle(Cases, 42)), Flat(Shuffle(reversed, 42)));
        Assert.Equal(Flat(Shuffle(Cases, 42)), Flat(Shuffle(interleaved, 42)));
    }

    [Fact]
    public void EveryTestRunsOnce_InItsOwnCollection_WithEachClassAndMethodKeptTogether()
    {
        var order = Shuffle(Cases, 7);

        Assert.Equal(Cases.Select(c => c.Id).Order(), Flat(order).Order());
        Assert.All(order, o => Assert.All(o.Cases, c => Assert.Equal(o.Collection, c.Collection)));
        foreach (var (_, cases) in order)
        {
            // A class (and a method inside it) never comes back once another one has started: xunit runs them as blocks.
            var classes = cases.Select(c => c.Class).ToList();
            Assert.Equal(classes.Distinct().Count(), Runs(classes));
            var methods = cases.Select(c => c.Class + "." + c.Method).ToList();
            Assert.Equal(methods.Distinct().Count(), Runs(methods));
        }

        static int Runs(List<string> keys) => keys.Where((k, i) => i == 0 || keys[i - 1] != k).Count();
    }

    [Fact]
    public void DifferentSeeds_MoveCollectionsClassesMethodsAndRows()
    {
        var orders = Enumerable.Range(1, 20).Select(seed => Shuffle(Cases, seed)).ToList();

        Assert.True(orders.Select(o => string.Join(",", o.Select(c => c.Collection))).Distinct().Count() > 1, "collections never moved");
        Assert.True(orders.Select(o => string.Join(",", o[0].Cases.Select(c => c.Class).Distinct())).Distinct().Count() > 1, "classes never moved");
        Assert.True(orders.Select(o => string.Join(",", o[0].Cases.Select(c => c.Method).Distinct())).Distinct().Count() > 1, "methods never moved");
        Assert.True(orders.Select(o => o[0].Cases[0].Id).Distinct().Count() > 2, "the first test was always the same");
    }

    [Fact]
    public void Seed_ComesFromTheEnvironment_NoneKeepsXunitsOrder_AndAnythingElseIsRefused()
    {
        var saved = Environment.GetEnvironmentVariable(ShuffledTestFramework.SeedVariable);
        try
        {
            Environment.SetEnvironmentVariable(ShuffledTestFramework.SeedVariable, "1234");
            Assert.Equal(1234, ShuffledTestFramework.ChooseSeed());
            Environment.SetEnvironmentVariable(ShuffledTestFramework.SeedVariable, "none");
            Assert.Null(ShuffledTestFramework.ChooseSeed());
            Environment.SetEnvironmentVariable(ShuffledTestFramework.SeedVariable, null);
            Assert.NotNull(ShuffledTestFramework.ChooseSeed());
            Environment.SetEnvironmentVariable(ShuffledTestFramework.SeedVariable, "tuesday");
            Assert.Contains("tuesday", Assert.Throws<InvalidOperationException>(() => ShuffledTestFramework.ChooseSeed()).Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ShuffledTestFramework.SeedVariable, saved);
        }
    }
}
