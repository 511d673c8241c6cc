using Evenhand.Data;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>A dataset in the list, with the headline figures of its analysis when it has one.</summary>
public sealed record DatasetListItem(SocialDataset Dataset, SocialAnalysisReport? Report)
{
    public string Url => SocialMediaPages.Dataset(Dataset.Force?.Slug, Dataset.Id);
}

/// <summary>
/// The datasets: a force's own (/forces/{slug}/social-media), or on the national page every dataset — the inspectorate's
/// national ones and every force's — with headline figures.
/// </summary>
public sealed class IndexModel(EvenhandDbContext db, IAuthorizationService authz, TimeProvider time) : SocialMediaPageModel(db, authz, time)
{
    public override string Title => IsNational ? "Social media analysis: all datasets" : $"Social media analysis – {Scope}";

    public IReadOnlyList<DatasetListItem> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = Db.SocialDatasets.AsNoTracking().Include(d => d.Force).AsQueryable();
        if (Force is { } force)
        {
            query = query.Where(d => d.ForceId == force.Id);
        }

        var datasets = await query.ToListAsync(ct);
        Datasets = datasets
            .OrderBy(d => d.ForceId is null ? 0 : 1).ThenBy(d => d.Force?.Name, StringComparer.Ordinal).ThenByDescending(d => d.Id)
            .Select(d => new DatasetListItem(d, d.Status == DatasetStatus.Ready ? d.Analysis() : null))
            .ToList();
    }
}
