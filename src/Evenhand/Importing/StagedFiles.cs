using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Importing;

/// <summary>
/// A document's extracted text waiting between the preview and the confirmation of an import. Kept in the database, so the
/// confirmation may reach any web server; bound to the user who uploaded it and removed after a day.
/// </summary>
public sealed class StagedDocument
{
    public Guid Id { get; set; }

    public string UserId { get; set; } = "";

    public string FileName { get; set; } = "";

    public string Text { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>
/// An uploaded file waiting for a background job (a social media export), stored in the database in chunks so that whichever
/// server runs the job can read it, and none has to hold the file in memory.
/// </summary>
public sealed class StagedUpload
{
    public Guid Id { get; set; }

    public string FileName { get; set; } = "";

    public long Length { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One piece of a <see cref="StagedUpload"/>, in order of <see cref="Index"/>.</summary>
public sealed class StagedUploadChunk
{
    public Guid UploadId { get; set; }

    public int Index { get; set; }

    public byte[] Data { get; set; } = [];
}

/// <summary>Writes uploads into the database a chunk at a time, copies them back out to a local file, and removes them.</summary>
public sealed class UploadStaging(EvenhandDbContext db, TimeProvider time)
{
    /// <summary>1 MiB: small enough to keep memory flat, large enough that a 256 MB export is a few hundred rows.</summary>
    public const int ChunkBytes = 1024 * 1024;

    public async Task<Guid> SaveAsync(Stream content, string fileName, CancellationToken ct = default)
    {
        var upload = new StagedUpload { Id = Guid.NewGuid(), FileName = Path.GetFileName(fileName), CreatedAt = time.GetUtcNow() };
        db.Set<StagedUpload>().Add(upload);
        await db.SaveChangesAsync(ct);
        try
        {
            var buffer = new byte[ChunkBytes];
            var index = 0;
            long length = 0;
            while (true)
            {
                var filled = await FillAsync(content, buffer, ct);
                if (filled == 0)
                {
                    break;
                }

                db.Set<StagedUploadChunk>().Add(new StagedUploadChunk { UploadId = upload.Id, Index = index++, Data = buffer.AsSpan(0, filled).ToArray() });
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
                length += filled;
                if (filled < buffer.Length)
                {
                    break;
                }
            }

            await db.Set<StagedUpload>().Where(u => u.Id == upload.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.Length, length), ct);
            return upload.Id;
        }
        catch
        {
            await DeleteAsync(upload.Id, CancellationToken.None);
            throw;
        }
    }

    /// <summary>Copies a staged upload to <paramref name="path"/>, one chunk in memory at a time. False when it is gone.</summary>
    public async Task<bool> CopyToFileAsync(Guid id, string path, CancellationToken ct = default)
    {
        var upload = await db.Set<StagedUpload>().AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (upload is null)
        {
            return false;
        }

        var count = await db.Set<StagedUploadChunk>().CountAsync(c => c.UploadId == id, ct);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        for (var i = 0; i < count; i++)
        {
            var index = i;
            var data = await db.Set<StagedUploadChunk>().Where(c => c.UploadId == id && c.Index == index).Select(c => c.Data).SingleAsync(ct);
            await file.WriteAsync(data, ct);
        }

        return file.Length == upload.Length;
    }

    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await db.Set<StagedUploadChunk>().Where(c => c.UploadId == id).ExecuteDeleteAsync(ct);
        await db.Set<StagedUpload>().Where(u => u.Id == id).ExecuteDeleteAsync(ct);
    }

    /// <summary>Removes uploads older than <paramref name="age"/> that no job is waiting for any more.</summary>
    public async Task<int> DeleteOlderThanAsync(TimeSpan age, IReadOnlyCollection<Guid> keep, CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - age;
        var old = await db.Set<StagedUpload>().Where(u => u.CreatedAt < cutoff && !keep.Contains(u.Id)).Select(u => u.Id).ToListAsync(ct);
        foreach (var id in old)
        {
            await DeleteAsync(id, ct);
        }

        return old.Count;
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, CancellationToken ct)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(filled), ct);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
