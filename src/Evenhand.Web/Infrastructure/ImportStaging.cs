using System.Security.Claims;
using Evenhand.Data;
using Evenhand.Importing;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// Holds an uploaded document's text between the preview and the confirmation, on the server (not in the browser): in the
/// database (<see cref="StagedDocument"/>), so the confirmation may reach any web server. Keyed by a random id and bound to
/// the user who uploaded it; the housekeeping job removes what is left after a day.
/// </summary>
public sealed class ImportStaging(EvenhandDbContext db, TimeProvider time)
{
    /// <summary>Reads an upload (PDF, Word, a web page or text; refusing empty, damaged, scanned, password-protected or oversized files) and stages its text. Returns the staging id and the text.</summary>
    public async Task<(Guid Id, string Text)> StageAsync(IFormFile file, ClaimsPrincipal user, CancellationToken ct)
    {
        if (file.Length > UploadLimits.MaxDocumentBytes)
        {
            throw new ImportException($"'{file.FileName}' is {file.Length / 1024.0 / 1024.0:F1} MB; documents must be smaller than {UploadLimits.MaxDocumentBytes / 1024 / 1024} MB.");
        }

        await using var stream = file.OpenReadStream();
        var text = DocumentText.Read(stream, Path.GetFileName(file.FileName), UploadLimits.MaxDocumentBytes);
        var staged = new StagedDocument { Id = Guid.NewGuid(), UserId = UserId(user), FileName = Path.GetFileName(file.FileName), Text = text, CreatedAt = time.GetUtcNow() };
        db.StagedDocuments.Add(staged);
        await db.SaveChangesAsync(ct);
        db.Entry(staged).State = EntityState.Detached;
        return (staged.Id, text);
    }

    public async Task<(string FileName, string Text)> GetAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        var userId = UserId(user);
        var cutoff = time.GetUtcNow().AddDays(-1);
        var staged = await db.StagedDocuments.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.UserId == userId && d.CreatedAt > cutoff, ct)
            ?? throw new ImportException("The uploaded document has expired or belongs to someone else. Upload it again.");
        return (staged.FileName, staged.Text);
    }

    public void Remove(Guid id) => db.StagedDocuments.Where(d => d.Id == id).ExecuteDelete();

    private static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
}
