using Evenhand.Common;
using Evenhand.Data;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Web.Infrastructure;
using Evenhand.Web.SocialMedia;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>
/// Import a dataset: a posts export and an accounts export. Small posts files are imported while the user waits (a refusal is
/// shown here, with the first bad rows); larger ones in the background, with a progress page. The request size limit of this
/// page alone is raised to fit two files at <see cref="SocialMediaOptions.MaxUploadMegabytes"/> (Program.cs).
/// </summary>
[Authorize(Policy = Policies.ManageSocialMedia)]
public sealed class UploadModel(EvenhandDbContext db, IAuthorizationService authz, TimeProvider time, SocialDatasetService datasets,
    SocialImportRunner runner, IOptions<SocialMediaOptions> options, IConfiguration config) : SocialMediaPageModel(db, authz, time)
{
    private static readonly string[] Extensions = [".csv", ".txt", ".jsonl", ".ndjson", ".json"];

    [BindProperty] public string? Name { get; set; }
    [BindProperty] public IFormFile? AccountsFile { get; set; }
    [BindProperty] public IFormFile? PostsFile { get; set; }
    [BindProperty] public bool Strict { get; set; }

    public override string Title => IsNational ? "Import a national dataset" : $"Import a dataset – {Scope}";

    public SocialMediaOptions Options => options.Value;

    /// <summary>The first bad rows of a refused import.</summary>
    public IReadOnlyList<RowProblem> Problems { get; private set; } = [];

    /// <summary>Set when an import was refused: the failed dataset stays in the list with its reason.</summary>
    public int? FailedDatasetId { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        string? name = null;
        try
        {
            name = SocialDataset.ValidName(Name);
        }
        catch (DomainRuleException e)
        {
            ModelState.AddModelError(nameof(Name), e.Message);
        }

        CheckFile(AccountsFile, nameof(AccountsFile), "accounts");
        CheckFile(PostsFile, nameof(PostsFile), "posts");
        if (!ModelState.IsValid || name is null || AccountsFile is null || PostsFile is null)
        {
            return Page();
        }

        var accountsName = Path.GetFileName(AccountsFile.FileName);
        var postsName = Path.GetFileName(PostsFile.FileName);
        string? accountsPath = null, postsPath = null;
        SocialDataset dataset;
        try
        {
            accountsPath = await StageAsync(AccountsFile, "accounts", ct);
            postsPath = await StageAsync(PostsFile, "posts", ct);
            dataset = await datasets.CreateAsync(new DatasetUpload(name, Force?.Id, accountsName, postsName, Strict), Actor(), ct);
        }
        catch
        {
            foreach (var path in new[] { accountsPath, postsPath }.OfType<string>())
            {
                System.IO.File.Delete(path);
            }

            throw;
        }

        var job = new SocialImportJob(dataset.Id, accountsPath, postsPath, Actor());
        var url = SocialMediaPages.Dataset(Slug, dataset.Id);
        if (PostsFile.Length > Options.InlineImportMegabytes * 1024L * 1024L)
        {
            runner.Enqueue(job);
            return RedirectWithNotice($"'{name}' is being imported. This page shows how far it has got.", url);
        }

        try
        {
            // Not the request's token: a small import should finish even if the browser gives up waiting.
            await runner.ImportNowAsync(job, CancellationToken.None);
        }
        catch (SocialImportException e)
        {
            FailedDatasetId = dataset.Id;
            Problems = e.Problems.Take(10).ToList();
            var field = accountsName != postsName && e.Message.StartsWith(accountsName, StringComparison.Ordinal) ? nameof(AccountsFile) : nameof(PostsFile);
            ModelState.AddModelError(field, e.Message);
            return Page();
        }

        var imported = await Db.SocialDatasets.AsNoTracking().SingleAsync(d => d.Id == dataset.Id, ct);
        var skipped = imported.SkippedRows > 0 ? $"; {F(imported.SkippedRows)} bad row{(imported.SkippedRows == 1 ? " was" : "s were")} skipped" : "";
        return RedirectWithNotice($"Imported {F(imported.PostCount)} posts from {F(imported.AccountCount)} accounts{skipped}", url);
    }

    private static string F(long n) => SocialMediaFormat.Count(n);

    private void CheckFile(IFormFile? file, string field, string what)
    {
        if (file is null || (file.Length == 0 && string.IsNullOrEmpty(file.FileName)))
        {
            ModelState.AddModelError(field, $"Choose the {what} file");
            return;
        }

        var fileName = Path.GetFileName(file.FileName);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (!Extensions.Contains(extension))
        {
            ModelState.AddModelError(field, $"'{fileName}' is not a CSV or JSON lines file. Save the {what} export as CSV (.csv) or JSON lines (.jsonl).");
        }
        else if (file.Length == 0)
        {
            ModelState.AddModelError(field, $"'{fileName}' is empty. Choose the {what} export: a header row, then one row per {(what == "posts" ? "post" : "account")}.");
        }
        else if (file.Length > Options.MaxUploadBytes)
        {
            ModelState.AddModelError(field, $"'{fileName}' is {file.Length / 1024.0 / 1024.0:F1} MB; the limit is {Options.MaxUploadMegabytes} MB. Import larger exports with 'evenhand social import'.");
        }
    }

    /// <summary>Copies an upload to the staging folder, keeping its extension (the reader tells JSON lines from CSV by it).</summary>
    private async Task<string> StageAsync(IFormFile file, string what, CancellationToken ct)
    {
        var directory = Options.StagingDirectory is { Length: > 0 } own ? own
            : Path.Combine(config["Imports:StagingDirectory"] is { Length: > 0 } shared ? shared : Path.GetTempPath(), "evenhand-social");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{Guid.NewGuid():N}-{what}{Path.GetExtension(file.FileName).ToLowerInvariant()}");
        await using var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await file.CopyToAsync(target, ct);
        return path;
    }
}
