using Evenhand.Data;

namespace Evenhand.HateIncidents.Demo;

/// <summary>Synthetic hate-incident records for the demo forces. (Being written: generates nothing yet.)</summary>
public static class HateIncidentDemoData
{
    public static Task EnsureAsync(EvenhandDbContext db, IReadOnlyList<int> forceIds, TimeProvider time, CancellationToken ct = default) =>
        Task.CompletedTask;
}
