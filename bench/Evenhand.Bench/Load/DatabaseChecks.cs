using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Evenhand.Data;
using Evenhand.HateIncidents;
using Evenhand.SocialMedia.Datasets;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Bench.Load;

/// <summary>
/// What the database holds after a run, read straight from it (not through the app): every save the client was told had
/// succeeded, every dataset whole or empty, every note of work fallen due once.
/// </summary>
internal static partial class DatabaseChecks
{
    public sealed record SaveCheck(int Believed, int Found, int SavedTwice, List<string> Missing);

    /// <summary>Looks for each save in <paramref name="saves"/>: progress updates by the token in their evidence text, plan assessments by the token in the plan's timeline, recorded incidents by id, assessments by the incident having left "recorded".</summary>
    public static async Task<SaveCheck> SavesAsync(LoadDatabase database, string run, IReadOnlyCollection<SaveRecord> saves)
    {
        await using var db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var tokens = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in await db.Evidence.AsNoTracking().Where(e => e.Text != null && e.Text.Contains(run)).Select(e => e.Text!).ToListAsync())
        {
            foreach (Match m in TokenPattern().Matches(text))
            {
                tokens[m.Value] = tokens.GetValueOrDefault(m.Value) + 1;
            }
        }

        var timeline = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in await db.ForceResponses.AsNoTracking().SelectMany(r => r.Timeline).Where(u => u.Change.Contains(run)).Select(u => u.Change).ToListAsync())
        {
            foreach (Match m in TokenPattern().Matches(change))
            {
                timeline.Add(m.Value);
            }
        }

        var incidentIds = saves.Where(s => s.Kind is "incident" or "assessment").Select(s => int.Parse(s.Key, CultureInfo.InvariantCulture)).Distinct().ToList();
        var incidents = new Dictionary<int, IncidentStatus>();
        foreach (var chunk in incidentIds.Chunk(1000))
        {
            foreach (var i in await db.HateIncidents.AsNoTracking().Where(i => chunk.Contains(i.Id)).Select(i => new { i.Id, i.Status }).ToListAsync())
            {
                incidents[i.Id] = i.Status;
            }
        }

        var missing = new List<string>();
        var found = 0;
        foreach (var s in saves)
        {
            var ok = s.Kind switch
            {
                "progress" => tokens.ContainsKey(s.Key),
                "plan assessment" => timeline.Contains(s.Key),
                "incident" => incidents.ContainsKey(int.Parse(s.Key, CultureInfo.InvariantCulture)),
                "assessment" => incidents.TryGetValue(int.Parse(s.Key, CultureInfo.InvariantCulture), out var status) && status != IncidentStatus.Recorded,
                _ => false,
            };
            if (ok)
            {
                found++;
            }
            else
            {
                missing.Add($"{s.Kind} {s.Key} ({s.Force}, at {s.At.TotalSeconds:F1} s)");
            }
        }

        var twice = saves.Where(s => s.Kind == "progress").Count(s => tokens.GetValueOrDefault(s.Key) > 1);
        return new SaveCheck(saves.Count, found, twice, missing);
    }

    public sealed record DatasetCheck(int Datasets, int Ready, int Failed, int Unfinished, int Partial, string Details);

    /// <summary>
    /// Every dataset either ready with exactly its counted posts, or (failed, queued, importing) with none stored: a
    /// "partial import" is any other state of the rows.
    /// </summary>
    public static async Task<DatasetCheck> DatasetsAsync(LoadDatabase database, DateTimeOffset since)
    {
        await using var db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var datasets = await db.SocialDatasets.AsNoTracking().Where(d => d.CreatedAt >= since).ToListAsync();
        int ready = 0, failed = 0, unfinished = 0, partial = 0;
        var details = new StringBuilder();
        foreach (var d in datasets)
        {
            var rows = await db.SocialPosts.LongCountAsync(p => p.DatasetId == d.Id);
            var whole = d.Status == DatasetStatus.Ready ? rows == d.PostCount && rows > 0 : rows == 0;
            if (!whole)
            {
                partial++;
            }

            switch (d.Status)
            {
                case DatasetStatus.Ready:
                    ready++;
                    break;
                case DatasetStatus.Failed:
                    failed++;
                    break;
                default:
                    unfinished++;
                    break;
            }

            details.AppendLine(CultureInfo.InvariantCulture, $"    dataset {d.Id} \"{d.Name}\": {d.Status}, {rows:N0} post rows stored, {d.PostCount:N0} counted{(whole ? "" : "  <-- PARTIAL")}{(d.Failure is null ? "" : $" ({d.Failure})")}");
        }

        return new DatasetCheck(datasets.Count, ready, failed, unfinished, partial, details.ToString());
    }

    public sealed record NoteCheck(int Notes, int Duplicates, bool UniqueIndex);

    /// <summary>Notes of work fallen due: how many, how many (incident, due key) pairs appear more than once, and whether the unique index is there.</summary>
    public static async Task<NoteCheck> DueNotesAsync(LoadDatabase database)
    {
        await using var db = database.CreateContext();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(5));
        var notes = db.Set<IncidentHistoryEntry>().AsNoTracking().Where(h => h.DueKey != null);
        var count = await notes.CountAsync();
        var duplicates = await notes.GroupBy(h => new { h.HateIncidentId, h.DueKey }).Where(g => g.Count() > 1).CountAsync();
        var unique = db.Model.FindEntityType(typeof(IncidentHistoryEntry))!.GetIndexes()
            .Any(i => i.IsUnique && i.Properties.Select(p => p.Name).SequenceEqual([nameof(IncidentHistoryEntry.HateIncidentId), nameof(IncidentHistoryEntry.DueKey)]));
        if (database.Provider == DatabaseProvider.Postgres)
        {
            // The index as the database has it, not only as the model says.
            var conn = db.Database.GetDbConnection();
            await conn.OpenAsync();
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM pg_indexes WHERE tablename = 'IncidentHistoryEntry' AND indexdef LIKE 'CREATE UNIQUE INDEX%' AND indexdef LIKE '%\"HateIncidentId\", \"DueKey\"%'";
            unique &= Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture) > 0;
        }

        return new NoteCheck(count, duplicates, unique);
    }

    [GeneratedRegex(@"[0-9a-z]{6}-\d{3}-\d{5}")]
    private static partial Regex TokenPattern();
}
