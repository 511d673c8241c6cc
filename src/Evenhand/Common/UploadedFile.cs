namespace Evenhand.Common;

/// <summary>A file a user uploaded, read into memory (uploads are limited to a few megabytes).</summary>
public sealed record UploadedFile(string FileName, string ContentType, byte[] Content);
