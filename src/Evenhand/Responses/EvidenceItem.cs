using System.ComponentModel.DataAnnotations;
using Evenhand.Common;

namespace Evenhand.Responses;

public enum EvidenceKind
{
    Text,
    Link,
    File,
}

/// <summary>Evidence that a recommendation is being or has been met: a statement, a link, or an uploaded file.</summary>
public sealed class EvidenceItem
{
    /// <summary>Uploaded evidence files are limited to 10 MB each.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public int Id { get; set; }
    public int ForceResponseId { get; set; }
    public EvidenceKind Kind { get; set; }
    public string? Text { get; set; }
    [MaxLength(2000)]
    public string? Url { get; set; }
    public string? FileName { get; set; }
    public string? ContentType { get; set; }

    /// <summary>The uploaded bytes live in their own table so lists of evidence never load them.</summary>
    public EvidenceFile? File { get; set; }
    public long? SizeBytes { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    public string Summary => Kind switch
    {
        EvidenceKind.Link => Url ?? "",
        EvidenceKind.File => $"{FileName} ({SizeBytes:N0} bytes)",
        _ => Text is { Length: > 80 } t ? t[..77] + "…" : Text ?? "",
    };

    internal static EvidenceItem Create(EvidenceKind kind, string? text, string? url, string? fileName, string? contentType, byte[]? content, ProcessContext ctx)
    {
        text = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        switch (kind)
        {
            case EvidenceKind.Text when text is null:
                throw new DomainRuleException("Enter the evidence text.");
            case EvidenceKind.Link when !Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp):
                throw new DomainRuleException([new FieldError(nameof(Url), "Enter a link that starts with https:// or http://.")]);
            case EvidenceKind.Link when url!.Trim().Length > TextLimit.Of<EvidenceItem>(nameof(Url)):
                throw new DomainRuleException([new FieldError(nameof(Url), $"The link must be {TextLimit.Of<EvidenceItem>(nameof(Url)):N0} characters or fewer.")]);
            case EvidenceKind.File when content is null || content.Length == 0 || string.IsNullOrWhiteSpace(fileName):
                throw new DomainRuleException("Choose a file to upload; the file you chose is empty.");
            case EvidenceKind.File when content.Length > MaxFileBytes:
                throw new DomainRuleException($"The file must be smaller than {MaxFileBytes / 1024 / 1024} MB.");
        }

        return new EvidenceItem
        {
            Kind = kind,
            Text = text,
            Url = kind == EvidenceKind.Link ? url!.Trim() : null,
            FileName = kind == EvidenceKind.File ? Path.GetFileName(fileName) : null,
            ContentType = kind == EvidenceKind.File ? contentType ?? "application/octet-stream" : null,
            File = kind == EvidenceKind.File ? new EvidenceFile { Content = content! } : null,
            SizeBytes = kind == EvidenceKind.File ? content!.Length : null,
            AddedBy = ctx.UserName,
            AddedAt = ctx.Now,
        };
    }
}

public sealed class EvidenceFile
{
    public int Id { get; set; }
    public int EvidenceItemId { get; set; }
    public required byte[] Content { get; set; }
}
