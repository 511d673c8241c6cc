using System.Globalization;
using Evenhand.Common;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>A keyword of the lexicon, how many posts contain it, and its sample if one has been drawn.</summary>
public sealed record KeywordChoice(string Keyword, string Group, bool IsTopic, long Posts, SampleSummary? Sample, DipPrecisionRow? Precision);

/// <summary>
/// Dip samples of a dataset (report annex: "a dip sample of 200 posts per keyword"): every keyword with the posts containing
/// it and its sample's progress and precision; managers draw new samples here.
/// </summary>
public sealed class SamplesModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time, DipSampleService samples) : SocialMediaPageModel(reader, forces, authz, time)
{
    [BindProperty] public string? Keyword { get; set; }
    [BindProperty] public string? Size { get; set; }
    [BindProperty] public string? Seed { get; set; }

    public override string Title => $"Dip samples – {Dataset.Name}";

    public IReadOnlyList<KeywordChoice> Keywords { get; private set; } = [];

    public IReadOnlyList<SampleSummary> Samples { get; private set; } = [];

    public DipPrecisionTable Precision { get; private set; } = new([], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Dataset.Status != DatasetStatus.Ready)
        {
            return Redirect(DatasetUrl());
        }

        Size = DipSample.DefaultSize.ToString(CultureInfo.InvariantCulture);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanManage)
        {
            return Forbid();
        }

        if (string.IsNullOrWhiteSpace(Keyword))
        {
            ModelState.AddModelError(nameof(Keyword), "Choose the keyword to sample");
        }

        var size = DipSample.DefaultSize;
        if (!string.IsNullOrWhiteSpace(Size) && (!int.TryParse(Size.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > DipSample.MaxSize))
        {
            ModelState.AddModelError(nameof(Size), $"Enter a sample size from 1 to {DipSample.MaxSize:N0} posts, for example {DipSample.DefaultSize}");
        }

        int? seed = null;
        if (!string.IsNullOrWhiteSpace(Seed))
        {
            if (int.TryParse(Seed.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s))
            {
                seed = s;
            }
            else
            {
                ModelState.AddModelError(nameof(Seed), "The seed must be a whole number, for example 42, or left blank");
            }
        }

        DipSample? sample = null;
        if (ModelState.IsValid && await TryAsync(async () => sample = await samples.DrawAsync(Dataset.Id, Keyword!, size, seed, Actor(), ct), nameof(Keyword)))
        {
            return RedirectWithNotice($"Drew {sample!.Items.Count:N0} posts containing '{sample.Keyword}' (seed {sample.Seed}). Mark each one operational or non-operational.", SampleUrl(sample.Id));
        }

        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The precision of every sample, and of each topic or category, as CSV.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var table = await samples.PrecisionAsync(Dataset.Id, ct);
        var rows = table.ByKeyword.Select(r => (level: "keyword", r)).Concat(table.ByGroup.Select(r => (level: "group", r))).Select(x => new
        {
            x.level, name = x.r.Name, group = x.r.Group, kind = x.r.IsTopic ? "topic" : "operational", posts_with_keyword = x.r.PostsWithKeyword,
            sampled = x.r.Sampled, reviewed = x.r.Reviewed, marked_non_operational = x.r.MarkedNonOperational,
            keyword_precision = SocialMediaFormat.CsvNumber(x.r.KeywordPrecision), keyword_precision_lower_95 = SocialMediaFormat.CsvNumber(x.r.KeywordLower), keyword_precision_upper_95 = SocialMediaFormat.CsvNumber(x.r.KeywordUpper),
            classified_non_operational = x.r.ClassifiedNonOperational, classified_and_marked_non_operational = x.r.ClassifiedAndMarkedNonOperational,
            classifier_precision = SocialMediaFormat.CsvNumber(x.r.ClassifierPrecision), classifier_precision_lower_95 = SocialMediaFormat.CsvNumber(x.r.ClassifierLower),
            classifier_precision_upper_95 = SocialMediaFormat.CsvNumber(x.r.ClassifierUpper), missed_non_operational = x.r.MissedNonOperational,
        });
        return File(Csv.Write(rows), "text/csv; charset=utf-8", $"social-media-{Dataset.Id}-dip-sample-precision.csv");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Samples = await Reader.SamplesAsync(Dataset.Id, ct);
        Precision = await samples.PrecisionAsync(Dataset.Id, ct);
        var byKeyword = Dataset.Analysis()?.Classification.ByKeyword ?? [];
        var lexicon = Dataset.Lexicon();
        // Samples are drawn for topic keywords: they are what make a post non-operational.
        Keywords = lexicon.Topics.Select(g => (g, topic: true))
            .SelectMany(x => x.g.Keywords.Select(k => new KeywordChoice(k, x.g.Name, x.topic, byKeyword.GetValueOrDefault(k)?.Posts ?? 0,
                Samples.FirstOrDefault(s => s.Keyword == k), Precision.ByKeyword.FirstOrDefault(p => p.Name == k))))
            .ToList();
    }
}
