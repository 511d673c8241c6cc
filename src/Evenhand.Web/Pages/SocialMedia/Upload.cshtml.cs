using Evenhand.Common;
using Evenhand.SocialMedia;
using Evenhand.SocialMedia.Datasets;
using Evenhand.Importing;
using Evenhand.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Evenhand.Web.Pages.SocialMedia;

/// <summary>
/// Import a dataset: a posts export and an accounts export. Small posts files are imported while the user waits (a refusal is
/// shown here, with the first bad rows); larger ones in the background, with a progress page. The request size limit of this
/// page alone is raised to fit two files at <see cref="SocialMediaOptions.MaxUploadMegabytes"/> (Program.cs).
/// </summary>
[Authorize(Policy = Policies.ManageSocialMedia)]
public sealed class UploadModel(SocialMediaReader reader, ForceScopeFilter forces, IAuthorizationService authz, TimeProvider time, SocialDatasetService datasets,
    SocialImportQueue queue, UploadStaging uploads, SocialVectors vectors, IOptions<SocialMediaOptions> options) : SocialMediaPageModel(reader, forces, authz, time)
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
        var dataset = await datasets.CreateAsync(new DatasetUpload(name, Force?.Id, accountsName, postsName, Strict), Actor(), ct);
        var url = SocialMediaPages.Dataset(Slug, dataset.Id);
        if (PostsFile.Length > Options.InlineImportMegabytes * 1024L * 1024L)
        {
            await QueueAsync(dataset.Id, ct);
            return RedirectWithNotice($"'{name}' is being imported. This page shows how far it has got.", url);
        }

        SocialDataset imported;
        try
        {
            // Not the request's token: a small import should finish even if the browser gives up waiting.
            var accounts = AccountsFile;
            var posts = PostsFile;
            imported = await datasets.ImportAsync(dataset.Id, new DatasetFiles(accounts.OpenReadStream, posts.OpenReadStream, posts.Length), Actor(), vectors.Get(), null, ct: CancellationToken.None);
        }
        catch (SocialImportException e)
        {
            FailedDatasetId = dataset.Id;
            Problems = e.Problems.Take(10).ToList();
            var field = accountsName != postsName && e.Message.StartsWith(accountsName, StringComparison.Ordinal) ? nameof(AccountsFile) : nameof(PostsFile);
            ModelState.AddModelError(field, e.Message);
            return Page();
        }

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

    /// <summary>
    /// Stages both files in the database (so whichever server runs the job can read them) and queues the import on the job
    /// engine. If either step fails the dataset is marked failed, so it is never left waiting for a job that does not exist.
    /// </summary>
    private async Task QueueAsync(int datasetId, CancellationToken ct)
    {
        try
        {
            Guid accounts, posts;
            await using (var stream = AccountsFile!.OpenReadStream())
            {
                accounts = await uploads.SaveAsync(stream, AccountsFile.FileName, ct);
            }

            await using (var stream = PostsFile!.OpenReadStream())
            {
                posts = await uploads.SaveAsync(stream, PostsFile.FileName, ct);
            }

            await datasets.StageUploadsAsync(datasetId, accounts, posts, ct);
            await queue.EnqueueAsync(datasetId, Actor(), ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await datasets.FailAsync(datasetId, "The upload could not be queued for import: " + e.Message, Actor(), CancellationToken.None);
            throw;
        }
    }
}
