using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;

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
public sealed class IndexModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time) : SocialMediaPageModel(reader, forces, authz, time)
{
    public override string Title => IsNational ? "Social media analysis: all datasets" : $"Social media analysis – {Scope}";

    public IReadOnlyList<DatasetListItem> Datasets { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Datasets = (await Reader.DatasetsAsync(Force?.Id, ct))
            .Select(d => new DatasetListItem(d, d.Status == DatasetStatus.Ready ? d.Analysis() : null))
            .ToList();
    }
}
