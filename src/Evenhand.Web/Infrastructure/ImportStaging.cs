using System.Security.Claims;
using System.Text.Json;
using Evenhand.Importing;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Holds an uploaded document between the preview and the confirmation, on the server (not in the browser), keyed by a
/// random id and bound to the user who uploaded it. Staged files older than a day are removed.
/// </summary>
public sealed class ImportStaging(IConfiguration config, TimeProvider time)
{
    private sealed record Staged(string UserId, string FileName, string Text);

    private string Directory => config["Imports:StagingDirectory"] is { Length: > 0 } d ? d : Path.Combine(Path.GetTempPath(), "evenhand-imports");

    /// <summary>Reads an upload (PDF, Word, a web page or text; refusing empty, damaged, scanned, password-protected or oversized files) and stages its text and stages it. Returns the staging id and the text.</summary>
    public async Task<(Guid Id, string Text)> StageAsync(IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file.Length > UploadLimits.MaxDocumentBytes)
        {
            throw new ImportException($"'{file.FileName}' is {file.Length / 1024.0 / 1024.0:F1} MB; documents must be smaller than {UploadLimits.MaxDocumentBytes / 1024 / 1024} MB.");
        }

        await using var stream = file.OpenReadStream();
        var text = DocumentText.Read(stream, Path.GetFileName(file.FileName), UploadLimits.MaxDocumentBytes);
        var id = Guid.NewGuid();
        System.IO.Directory.CreateDirectory(Directory);
        Cleanup();
        await File.WriteAllTextAsync(PathFor(id), JsonSerializer.Serialize(new Staged(UserId(user), Path.GetFileName(file.FileName), text)), ct);
        return (id, text);
    }

    public async Task<(string FileName, string Text)> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var path = PathFor(id);
        var staged = File.Exists(path) ? JsonSerializer.Deserialize<Staged>(await File.ReadAllTextAsync(path, ct)) : null;
        if (staged is null || staged.UserId != UserId(user))
        {
            throw new ImportException("The uploaded document has expired or belongs to someone else. Upload it again.");
        }

        return (staged.FileName, staged.Text);
    }

    public void Remove(Guid id) => File.Delete(PathFor(id));

    private string PathFor(Guid id) => Path.Combine(Directory, id.ToString("N") + ".json");

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private void Cleanup()
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-1);
        foreach (var f in new DirectoryInfo(Directory).EnumerateFiles("*.json").Where(f => f.LastWriteTimeUtc < cutoff))
        {
            f.Delete();
        }
    }
}
