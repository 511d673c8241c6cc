using System.Text;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.SocialMedia.Datasets;
using Evenhand.SocialMedia.Synthetic;
using Microsoft.EntityFrameworkCore;
using nietras.SeparatedValues;

namespace Evenhand.SocialMedia.Demo;

/// <summary>
/// Demo datasets made by the synthetic generator: one national dataset for the inspectorate and, cut from it, one per demo
/// force holding that force's accounts and their posts. Imported through the same service as a user's upload.
/// </summary>
public static class SocialMediaDemoData
{
    public const int Posts = 24_000;
    public const int Accounts = 240;
    public const int Seed = 2024;

    public static async Task EnsureAsync(EvenhandDbContext db, IReadOnlyList<int> forceIds, TimeProvider time, CancellationToken ct = default)
    {
        if (await db.SocialDatasets.AnyAsync(ct))
        {
            return;
        }

        using var accountsText = new StringWriter();
        using var postsText = new StringWriter();
        SocialSynth.Write(new SynthOptions(Posts, Accounts, Seed, Impressions: true), accountsText, postsText);
        var accounts = accountsText.ToString();
        var posts = postsText.ToString();
        var ctx = ProcessContext.System(time, "Demo data");
        var service = new SocialDatasetService(db, time);
        await ImportAsync(service, "Synthetic national sample (demo)", null, accounts, posts, ctx, ct);

        var forces = await db.Forces.Where(f => forceIds.Contains(f.Id)).Select(f => new { f.Id, f.Slug, f.ShortName }).ToListAsync(ct);
        foreach (var force in forces)
        {
            var (forceAccounts, ids) = Filter(accounts, "force", v => v == force.Slug, "account_id");
            var (forcePosts, _) = Filter(posts, "account_id", ids.Contains, null);
            await ImportAsync(service, $"{force.ShortName} synthetic sample (demo)", force.Id, forceAccounts, forcePosts, ctx, ct);
        }
    }

    private static async Task ImportAsync(SocialDatasetService service, string name, int? forceId, string accounts, string posts, ProcessContext ctx, CancellationToken ct)
    {
        var dataset = await service.CreateAsync(new DatasetUpload(name, forceId, SocialSynth.AccountsFileName, SocialSynth.PostsFileName, Strict: true), ctx, ct);
        var accountBytes = Encoding.UTF8.GetBytes(accounts);
        var postBytes = Encoding.UTF8.GetBytes(posts);
        await service.ImportAsync(dataset.Id, new DatasetFiles(() => new MemoryStream(accountBytes), () => new MemoryStream(postBytes), postBytes.Length), ctx, ct: ct);
    }

    // The header and the rows whose column `match` satisfies `keep`; also the values of column `collect` of those rows.
    private static (string Csv, HashSet<string> Collected) Filter(string csv, string match, Func<string, bool> keep, string? collect)
    {
        var output = new StringBuilder();
        var collected = new HashSet<string>(StringComparer.Ordinal);
        using var reader = Sep.New(',').Reader(o => o with { Unescape = false }).FromText(csv);
        output.Append(reader.Header.ToString()).Append('\n');
        var matchIndex = reader.Header.IndexOf(match);
        var collectIndex = collect is null ? -1 : reader.Header.IndexOf(collect);
        foreach (var row in reader)
        {
            if (keep(row[matchIndex].ToString()))
            {
                output.Append(row.Span).Append('\n');
                if (collectIndex >= 0)
                {
                    collected.Add(row[collectIndex].ToString());
                }
            }
        }

        return (output.ToString(), collected);
    }
}
