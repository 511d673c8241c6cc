using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// xunit's own runner with the order of everything shuffled from one seed: the test collections, the classes inside each
/// collection (xunit's orderer attributes cannot reach these: a collection runs its classes in discovery order), the test
/// methods in each class and the rows of each theory. A test that only passes after (or before) another one then fails
/// sooner or later, and the seed replays the failing order.
/// <para>
/// The seed is <c>EVENHAND_TEST_SEED</c> (an integer) when set, otherwise a new random one. Either way it is reported as
/// a diagnostic message (xunit.runner.json turns these on) and written to <c>test-order-seed.txt</c> in the test output
/// folder. <c>EVENHAND_TEST_SEED=none</c> keeps xunit's usual order.
/// </para>
/// Registered per test assembly with <c>[assembly: TestFramework(...)]</c>.
/// </summary>
public sealed class ShuffledTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string SeedVariable = "EVENHAND_TEST_SEED";

    /// <summary>The seed from <see cref="SeedVariable"/>, a new one when unset, or null for xunit's usual order.</summary>
    public static int? ChooseSeed()
    {
        var value = Environment.GetEnvironmentVariable(SeedVariable)?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return Random.Shared.Next(1, 1_000_000);
        }

        if (value.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw new InvalidOperationException($"{SeedVariable} must be an integer or 'none', not '{value}'.");
    }

    /// <summary>
    /// Puts the collections, the classes in each, the methods in each class and the cases of each method in an order that
    /// depends only on the seed and the set of tests: everything is sorted by name first, so discovery order does not matter.
    /// </summary>
    public static List<(TCollection Collection, List<TCase> Cases)> Shuffle<TCollection, TCase>(
        IEnumerable<TCase> testCases, int seed, Func<TCase, TCollection> collectionOf, Func<TCase, string> collectionName,
        Func<TCase, string> className, Func<TCase, string> methodName, Func<TCase, string> caseId)
    {
        var random = new Random(seed);
        var collections = testCases
            .GroupBy(collectionName)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(collection => (Collection: collectionOf(collection.First()), Classes: collection
                .GroupBy(className)
                .OrderBy(c => c.Key, StringComparer.Ordinal)
                .Select(c => c.GroupBy(methodName).OrderBy(m => m.Key, StringComparer.Ordinal)
                    .Select(m => m.OrderBy(caseId, StringComparer.Ordinal).ToArray()).ToArray())
                .ToArray()))
            .ToArray();

        random.Shuffle(collections);
        var result = new List<(TCollection, List<TCase>)>();
        foreach (var (collection, classes) in collections)
        {
            random.Shuffle(classes);
            var cases = new List<TCase>();
            foreach (var methods in classes)
            {
                random.Shuffle(methods);
                foreach (var rows in methods)
                {
                    random.Shuffle(rows);
                    cases.AddRange(rows);
                }
            }

            result.Add((collection, cases));
        }

        return result;
    }

    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName) =>
        new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override async void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            using var runner = new ShuffledAssemblyRunner(TestAssembly, testCases, DiagnosticMessageSink, executionMessageSink, executionOptions);
            await runner.RunAsync();
        }
    }

    private sealed class ShuffledAssemblyRunner(
        ITestAssembly testAssembly, IEnumerable<IXunitTestCase> testCases, IMessageSink diagnosticMessageSink,
        IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        : XunitTestAssemblyRunner(testAssembly, testCases, diagnosticMessageSink, executionMessageSink, executionOptions)
    {
        private readonly int? seed = ChooseSeed();
        private Dictionary<string, List<IXunitTestCase>>? order;

        protected override async Task AfterTestAssemblyStartingAsync()
        {
            await base.AfterTestAssemblyStartingAsync();
            var name = Path.GetFileNameWithoutExtension(TestAssembly.Assembly.AssemblyPath);
            var message = seed is { } s
                ? $"test order shuffled with seed {s} (replay: {SeedVariable}={s} dotnet test ...)"
                : $"test order not shuffled ({SeedVariable}=none)";
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(message));
            // Shows that tests/at-date reached the test process.
            var london = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London"));
            DiagnosticMessageSink.OnMessage(new DiagnosticMessage(FormattableString.Invariant($"the clock reads {london:dddd d MMMM yyyy HH:mm} (Europe/London)")));
            try
            {
                File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "test-order-seed.txt"), $"{name}: {message}{Environment.NewLine}");
            }
            catch (IOException)
            {
                // Only a convenience copy of the diagnostic message.
            }

            if (seed is { } shuffleSeed)
            {
                order = Shuffle(TestCases, shuffleSeed,
                        tc => tc.TestMethod.TestClass.TestCollection,
                        tc => tc.TestMethod.TestClass.TestCollection.DisplayName,
                        tc => tc.TestMethod.TestClass.Class.Name,
                        tc => tc.TestMethod.Method.Name,
                        tc => tc.UniqueID)
                    .ToDictionary(x => x.Collection.DisplayName, x => x.Cases, StringComparer.Ordinal);
                TestCollectionOrderer = new InOrder(order.Keys.ToList());
                TestCaseOrderer = new AsGiven();
            }
        }

        /// <summary>Hands each collection its cases in the shuffled order (xunit runs a collection's classes in the order their first case comes).</summary>
        protected override Task<RunSummary> RunTestCollectionAsync(IMessageBus messageBus, ITestCollection testCollection, IEnumerable<IXunitTestCase> testCases, CancellationTokenSource cancellationTokenSource)
        {
            if (order is not null && order.TryGetValue(testCollection.DisplayName, out var shuffled))
            {
                var given = testCases.Select(tc => tc.UniqueID).ToHashSet(StringComparer.Ordinal);
                testCases = shuffled.Where(tc => given.Contains(tc.UniqueID)).ToList();
            }

            return base.RunTestCollectionAsync(messageBus, testCollection, testCases, cancellationTokenSource);
        }
    }

    private sealed class InOrder(List<string> names) : ITestCollectionOrderer
    {
        public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
            testCollections.OrderBy(c => names.IndexOf(c.DisplayName) is >= 0 and var i ? i : int.MaxValue);
    }

    private sealed class AsGiven : ITestCaseOrderer
    {
        public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase => testCases;
    }
}
