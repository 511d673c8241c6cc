namespace Evenhand.Web.Infrastructure;

public static class UploadLimits
{
    /// <summary>Report and response documents: 10 MB is several times the size of a long inspection report as text.</summary>
    public const long MaxDocumentBytes = Evenhand.Importing.TextDocument.DefaultMaxBytes;

    /// <summary>
    /// Whole request limit. Deliberately well above the per-file limits, so an oversized file still reaches the page and
    /// the user gets a specific message ("'x.pdf' is 50.0 MB; documents must be smaller than 10 MB") rather than a dropped connection.
    /// </summary>
    public const long MaxRequestBytes = 64 * 1024 * 1024;
}
