using System.ComponentModel.DataAnnotations;
using Evenhand.Common;
using Evenhand.Forces;

namespace Evenhand.SocialMedia.Datasets;

public enum DatasetStatus
{
    /// <summary>Uploaded and waiting to be imported.</summary>
    Queued,

    /// <summary>Being imported: its posts are not visible until the import commits.</summary>
    Importing,

    /// <summary>Imported and analysed.</summary>
    Ready,

    /// <summary>The import was refused; <see cref="SocialDataset.Failure"/> says why and nothing of it was stored.</summary>
    Failed,
}

/// <summary>
/// One export of posts and accounts imported for analysis: a force's own (ForceId set) or the inspectorate's national set
/// (ForceId null). Its posts and accounts are stored in bulk in one transaction, with the analysis computed as they are read.
/// </summary>
public sealed class SocialDataset : VersionedEntity
{
    public int Id { get; set; }

    /// <summary>The force whose dataset this is; null for a national dataset held by the inspectorate.</summary>
    public int? ForceId { get; set; }

    public Force? Force { get; set; }

    [MaxLength(200)]
    public string Name { get; set; } = "";

    public DatasetStatus Status { get; set; }

    public string? Failure { get; set; }

    public string PostsFileName { get; set; } = "";

    public string AccountsFileName { get; set; } = "";

    public bool Strict { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? ImportedAt { get; set; }

    public long PostCount { get; set; }

    public int AccountCount { get; set; }

    public long SkippedRows { get; set; }

    /// <summary>The lexicon the posts were classified with (JSON, <see cref="SocialLexicon.ToJson"/>).</summary>
    public string LexiconJson { get; set; } = "";

    /// <summary>"keyword" or "semantic".</summary>
    public string Mode { get; set; } = "keyword";

    public double? Threshold { get; set; }

    /// <summary>The uploaded accounts export waiting for the background import (a <see cref="Importing.StagedUpload"/>).</summary>
    public Guid? AccountsUploadId { get; set; }

    /// <summary>The uploaded posts export waiting for the background import.</summary>
    public Guid? PostsUploadId { get; set; }

    /// <summary>While importing: bytes of the posts file read so far (written by the job from outside its transaction).</summary>
    public long ProgressBytes { get; set; }

    /// <summary>While importing: the posts file's length.</summary>
    public long ProgressTotal { get; set; }

    /// <summary>The whole analysis (<see cref="SocialAnalysisJson"/>), computed during the import.</summary>
    public string? AnalysisJson { get; set; }

    public SocialAnalysisReport? Analysis() => AnalysisJson is null ? null : SocialAnalysisJson.Deserialize(AnalysisJson);

    public SocialLexicon Lexicon() => LexiconJson.Length == 0 ? SocialLexicon.Default : SocialLexicon.Parse(LexiconJson, "the dataset's lexicon");

    public void Rename(string name)
    {
        Name = ValidName(name);
        Bump();
    }

    public static string ValidName(string? name)
    {
        var trimmed = (name ?? "").Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainRuleException("Enter a name for the dataset, for example 'X posts 2017 to 2023'.");
        }

        var problems = new FieldProblems();
        problems.TooLong<SocialDataset>(nameof(Name), trimmed, "The dataset name");
        problems.ThrowIfAny();

        return trimmed;
    }
}

/// <summary>An account of a dataset.</summary>
public sealed class SocialAccount
{
    public int Id { get; set; }
    public int DatasetId { get; set; }
    public string AccountId { get; set; } = "";
    public string Handle { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Description { get; set; } = "";
    public long Followers { get; set; }
    public long TotalPosts { get; set; }
    public DateTimeOffset? CreatedAt { get; set; }
    public string Location { get; set; } = "";
    public bool Verified { get; set; }
    public string Url { get; set; } = "";

    /// <summary>The force slug given in the export, if any.</summary>
    public string? Force { get; set; }

    public AccountType Type { get; set; }

    /// <summary>Why the type was inferred, when the export did not give one.</summary>
    public string? TypeInference { get; set; }

    public long Posts { get; set; }

    public static SocialAccount From(int datasetId, SocialAccountRow row) => new()
    {
        DatasetId = datasetId,
        AccountId = row.AccountId,
        Handle = row.Handle,
        FullName = row.FullName,
        Description = row.Description,
        Followers = row.Followers,
        TotalPosts = row.TotalPosts,
        CreatedAt = row.CreatedAt,
        Location = row.Location,
        Verified = row.Verified,
        Url = row.Url,
        Force = row.Force,
        Type = row.Type,
        TypeInference = row.TypeInference,
    };

    public SocialAccountRow ToRow() => new(AccountId, Handle, FullName, Description, Followers, TotalPosts, CreatedAt, Location, Verified, Url, Force, Type, TypeInference);
}

/// <summary>
/// A post of a dataset, with how it was classified. Keyed by (dataset, sequence number in the file) so the bulk load needs
/// no generated keys.
/// </summary>
public sealed class SocialPost
{
    public int DatasetId { get; set; }
    public int Seq { get; set; }
    public int AccountRowId { get; set; }
    public string PostId { get; set; } = "";
    public DateTimeOffset PostedAt { get; set; }
    public string Text { get; set; } = "";
    public long Likes { get; set; }
    public long Reposts { get; set; }
    public long Quotes { get; set; }
    public long Replies { get; set; }
    public long? Impressions { get; set; }
    public bool IsRepost { get; set; }
    public string? OriginalAuthor { get; set; }
    public long Engagement { get; set; }
    public bool NonOperational { get; set; }

    /// <summary>Bit t set: the post was kept for topic t of the dataset's lexicon.</summary>
    public int Topics { get; set; }
}

/// <summary>A topic keyword found in a post (only posts with one have rows): what dip samples draw from.</summary>
public sealed class SocialPostKeyword
{
    public int DatasetId { get; set; }
    public string Keyword { get; set; } = "";
    public int Seq { get; set; }
}
