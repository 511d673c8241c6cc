namespace Evenhand.SocialMedia;

/// <summary>What kind of account posted (report annex: corporate, individual and associated accounts).</summary>
public enum AccountType
{
    /// <summary>The force's main corporate account, for example @ForceNamePolice.</summary>
    Main,

    /// <summary>An individual member of the workforce, for example the chief constable.</summary>
    Individual,

    /// <summary>A team or unit, for example @ForceNamePoliceDogs or a neighbourhood team.</summary>
    Team,

    /// <summary>A staff network or association, for example @ForceNameLGBTQNetwork.</summary>
    Network,
}

/// <summary>One account from an accounts export (annex table 1, "Account").</summary>
public sealed record SocialAccountRow(
    string AccountId,
    string Handle,
    string FullName,
    string Description,
    long Followers,
    long TotalPosts,
    DateTimeOffset? CreatedAt,
    string Location,
    bool Verified,
    string Url,
    string? Force,
    AccountType Type,
    string? TypeInference)
{
    /// <summary>True when the file gave no account type and Evenhand inferred it (<see cref="TypeInference"/> says why).</summary>
    public bool TypeInferred => TypeInference is not null;
}

/// <summary>One post from a posts export (annex table 1, "Post").</summary>
public sealed record SocialPostRow(
    string PostId,
    string AccountId,
    DateTimeOffset PostedAt,
    string Text,
    long Likes,
    long Reposts,
    long Quotes,
    long Replies,
    bool IsRepost,
    string? OriginalAuthor,
    long? Impressions)
{
    /// <summary>Engagement as the report counts it: replies, quotes, reposts and likes.</summary>
    public long Engagement => Likes + Reposts + Quotes + Replies;
}
