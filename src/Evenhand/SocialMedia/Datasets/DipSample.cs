using Evenhand.Common;

namespace Evenhand.SocialMedia.Datasets;

public enum DipVerdict
{
    Operational,
    NonOperational,
}

/// <summary>
/// Posts drawn at random from those containing one keyword, for people to read and mark operational or non-operational
/// (the annex's dip sample of 200 posts per keyword). The marks give the keyword's precision.
/// </summary>
public sealed class DipSample
{
    public const int DefaultSize = 200;
    public const int MaxSize = 2000;

    public int Id { get; set; }
    public int DatasetId { get; set; }
    public string Keyword { get; set; } = "";

    /// <summary>The topic or operational category of the keyword.</summary>
    public string Group { get; set; } = "";

    public bool IsTopic { get; set; }

    /// <summary>How many posts contained the keyword when the sample was drawn.</summary>
    public int PostsWithKeyword { get; set; }

    public int Seed { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public List<DipSampleItem> Items { get; } = [];
}

/// <summary>One sampled post and, once reviewed, the reviewer's verdict.</summary>
public sealed class DipSampleItem : VersionedEntity
{
    public int Id { get; set; }
    public int DipSampleId { get; set; }
    public int DatasetId { get; set; }
    public int Seq { get; set; }

    /// <summary>Whether Evenhand classified the post non-operational (kept, as the dataset stood when the sample was drawn).</summary>
    public bool ClassifiedNonOperational { get; set; }

    public DipVerdict? Verdict { get; private set; }
    public string? ReviewedBy { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }

    public void Review(DipVerdict verdict, ProcessContext ctx)
    {
        if (Verdict == verdict)
        {
            return;
        }

        Verdict = verdict;
        ReviewedBy = ctx.UserName;
        ReviewedAt = ctx.Now;
        Bump();
    }
}
