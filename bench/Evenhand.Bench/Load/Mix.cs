using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Evenhand.Accounts;

namespace Evenhand.Bench.Load;

/// <summary>A save the client was told succeeded (a redirect, or 200 from the API), to be found in the database afterwards.</summary>
internal sealed record SaveRecord(string Kind, string Force, string Key, TimeSpan At);

/// <summary>What the virtual users share: the run's id (in every text they save), where saves are logged, the import file.</summary>
internal sealed class MixContext
{
    public required string Run { get; init; }

    public required Recorder Recorder { get; init; }

    public ConcurrentQueue<SaveRecord> Saves { get; init; } = new();

    /// <summary>Mean pause between a user's actions; each pause is uniform between half and one and a half times it.</summary>
    public TimeSpan Think { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Posts in each background import (0: none).</summary>
    public int ImportPosts { get; init; }

    public TimeSpan ImportFirstAfter { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan ImportEvery { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Only saves (for the fault test): progress updates and incidents, no reads beyond the forms they need.</summary>
    public bool SavesOnly { get; init; }

    /// <summary>Datasets uploaded by the importer (dataset page URL).</summary>
    public ConcurrentQueue<string> Imports { get; } = new();

    private byte[]? importPosts;
    private byte[]? importAccounts;

    public (byte[] Accounts, byte[] Posts) ImportFiles(string force)
    {
        if (importPosts is null)
        {
            (importAccounts, importPosts) = SocialFiles.Make(force, ImportPosts);
        }

        return (importAccounts!, importPosts);
    }
}

/// <summary>
/// One virtual user: signs in through the form, then repeats actions chosen by weight for their role, pausing between
/// them. Reads are pages (and the JSON API) a person in that role opens; saves are real form posts (version and antiforgery
/// token from the page) and API writes; exports are CSV downloads read to the end.
/// </summary>
internal sealed partial class VirtualUser
{
    private readonly LoadUsers.LoadUser who;
    private readonly Browser browser;
    private readonly MixContext mix;
    private readonly Random rng;
    private readonly List<(string Name, double Weight, Func<CancellationToken, Task> Run)> actions = [];
    private readonly List<int> recommendations = [];
    private readonly List<int> incidents = [];
    private readonly List<int> nationalRecommendations = [];
    private int? inspection;
    private int? dataset;
    private string? csrf;
    private int saved;

    public VirtualUser(LoadUsers.LoadUser who, Browser browser, MixContext mix, bool importer)
    {
        this.who = who;
        this.browser = browser;
        this.mix = mix;
        Importer = importer;
        rng = new Random(7919 * (who.Index + 1));
        DefineActions();
    }

    public bool Importer { get; }

    private string F => $"/forces/{who.Force}";

    private Recorder Rec => mix.Recorder;

    /// <summary>
    /// For finding what costs the servers most: each of this user's actions run <paramref name="times"/> times in turn
    /// (after two unmeasured runs), with the wall time and the servers' CPU time per run.
    /// </summary>
    public async Task<List<(string Role, string Action, double WallMs, double CpuMs)>> CostAsync(int times, Func<TimeSpan> serverCpu)
    {
        var results = new List<(string, string, double, double)>();
        if (!await browser.SignInAsync(who.Email, LoadUsers.Password))
        {
            return results;
        }

        foreach (var (name, _, run) in actions.Where(a => a.Name != "sign out and in"))
        {
            for (var i = 0; i < 2; i++)
            {
                await run(CancellationToken.None);
            }

            var cpu = serverCpu();
            var sw = System.Diagnostics.Stopwatch.StartNew();
            for (var i = 0; i < times; i++)
            {
                await run(CancellationToken.None);
            }

            results.Add((Roles.Describe(who.Role), name, sw.Elapsed.TotalMilliseconds / times, (serverCpu() - cpu).TotalMilliseconds / times));
        }

        return results;
    }

    public async Task RunAsync(TimeSpan startAfter, CancellationToken ct)
    {
        try
        {
            await Task.Delay(startAfter, ct);
            while (!await browser.SignInAsync(who.Email, LoadUsers.Password, ct))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }

            var nextImport = Rec.Elapsed + mix.ImportFirstAfter;
            while (!ct.IsCancellationRequested)
            {
                if (Importer && mix.ImportPosts > 0 && Rec.Elapsed >= nextImport)
                {
                    await ImportAsync(ct);
                    nextImport = Rec.Elapsed + mix.ImportEvery;
                }
                else
                {
                    await PickAction()(ct);
                }

                await ThinkAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    private Task ThinkAsync(CancellationToken ct) =>
        mix.Think <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(mix.Think * (0.5 + rng.NextDouble()), ct);

    private Func<CancellationToken, Task> PickAction()
    {
        var total = actions.Sum(a => a.Weight);
        var x = rng.NextDouble() * total;
        foreach (var a in actions)
        {
            x -= a.Weight;
            if (x <= 0)
            {
                return a.Run;
            }
        }

        return actions[^1].Run;
    }

    private void Add(string name, double weight, Func<CancellationToken, Task> run) => actions.Add((name, weight, run));

    private void DefineActions()
    {
        if (mix.SavesOnly)
        {
            switch (who.Role)
            {
                case Roles.ForceGovernance:
                    Add("save progress (form)", 3, SaveProgressFormAsync);
                    Add("save progress (API)", 1, SaveProgressApiAsync);
                    break;
                case Roles.CallTaker or Roles.HateCrimeSpecialist:
                    Add("record incident", 1, RecordIncidentAsync);
                    break;
                default:
                    Add("national view", 1, ct => Read("national view", "/national", ct));
                    break;
            }

            return;
        }

        // Everyone now and then signs out and in again.
        Add("sign out and in", 0.1, SignOutAndInAsync);
        switch (who.Role)
        {
            case Roles.ForceGovernance:
                Add("recommendations list", 3, ct => Read("recommendations list", $"{F}/recommendations", ct));
                Add("recommendation page", 6, async ct => await Read("recommendation page", $"{F}/recommendations/{await RecommendationAsync(ct)}", ct));
                Add("save progress (form)", 2, SaveProgressFormAsync);
                Add("save progress (API)", 1, SaveProgressApiAsync);
                Add("API: action plans", 1, ct => Read("API: action plans", $"/api/v1{F}/recommendations", ct));
                Add("registers overview", 1, ct => Read("registers overview", $"{F}/governance", ct));
                Add("register: policies", 1, ct => Read("register: policies", $"{F}/governance/policies", ct));
                Add("register: political contacts", 0.5, ct => Read("register: political contacts", $"{F}/governance/political-contacts", ct));
                Add("section 55 responses", 0.5, ct => Read("section 55 responses", $"{F}/responses", ct));
                Add("CSV: policies register", 0.3, ct => Export("CSV: policies register", $"{F}/governance/policies?handler=Csv", ct));
                break;
            case Roles.PccOffice:
                Add("recommendations list", 2, ct => Read("recommendations list", $"{F}/recommendations", ct));
                Add("recommendation page", 4, async ct => await Read("recommendation page", $"{F}/recommendations/{await RecommendationAsync(ct)}", ct));
                Add("section 55 responses", 1, ct => Read("section 55 responses", $"{F}/responses", ct));
                Add("section 55 response", 2, async ct => await Read("section 55 response", $"{F}/responses/{await InspectionAsync(ct)}", ct));
                Add("national view", 1, ct => Read("national view", "/national", ct));
                Add("save assessment (form)", 1, SaveAssessmentFormAsync);
                Add("register: policies", 0.5, ct => Read("register: policies", $"{F}/governance/policies", ct));
                break;
            case Roles.CallTaker:
                Add("record incident", 2, RecordIncidentAsync);
                Add("hate incidents list", 3, ct => Read("hate incidents list", $"{F}/hate-incidents", ct));
                Add("incident page", 2, IncidentPageAsync);
                Add("hate incident analysis", 0.2, ct => Read("hate incident analysis", $"{F}/hate-incidents/analysis", ct));
                break;
            case Roles.HateCrimeSpecialist:
                Add("review queue", 3, ct => Read("review queue", $"{F}/hate-incidents/review-queue", ct));
                Add("hate incidents list (filtered)", 2, ct => Read("hate incidents list (filtered)", $"{F}/hate-incidents?{Filters[rng.Next(Filters.Length)]}", ct));
                Add("assess incident", 2, AssessRecordedAsync);
                Add("incident page", 2, IncidentPageAsync);
                Add("hate incident analysis", 0.5, ct => Read("hate incident analysis", $"{F}/hate-incidents/analysis", ct));
                Add("API: due work", 1, ct => Read("API: due work", $"/api/v1{F}/hate-incidents/due-work", ct));
                Add("CSV: hate incidents", 0.1, ct => Export("CSV: hate incidents", $"{F}/hate-incidents?handler=Csv", ct));
                break;
            case Roles.ForceCrimeRegistrar:
                Add("hate incidents list", 2, ct => Read("hate incidents list", $"{F}/hate-incidents", ct));
                Add("review queue", 2, ct => Read("review queue", $"{F}/hate-incidents/review-queue", ct));
                Add("hate incident analysis", 1, ct => Read("hate incident analysis", $"{F}/hate-incidents/analysis", ct));
                Add("incident page", 1, IncidentPageAsync);
                Add("hate incident policy", 1, ct => Read("hate incident policy", $"{F}/hate-incidents/policy", ct));
                break;
            case Roles.Communications:
                Add("social media datasets", 2, ct => Read("social media datasets", $"{F}/social-media", ct));
                Add("social media dashboard", 3, async ct =>
                {
                    if (await DatasetAsync(ct) is { } d)
                    {
                        await Read("social media dashboard", $"{F}/social-media/{d}", ct);
                    }
                });
                Add("social media posts", 2, async ct =>
                {
                    if (await DatasetAsync(ct) is { } d)
                    {
                        await Read("social media posts", $"{F}/social-media/{d}/posts", ct);
                    }
                });
                Add("register: visible representations", 1, ct => Read("register: visible representations", $"{F}/governance/visible-representations", ct));
                Add("CSV: social media posts", 0.2, async ct =>
                {
                    if (await DatasetAsync(ct) is { } d)
                    {
                        await Export("CSV: social media posts", $"{F}/social-media/{d}/posts?handler=Csv", ct);
                    }
                });
                break;
            case Roles.Inspectorate:
                Add("national view", 4, ct => Read("national view", "/national", ct));
                Add("national recommendation", 2, NationalRecommendationAsync);
                Add("national s.55 view", 2, ct => Read("national s.55 view", "/national/section55", ct));
                Add("API: national s.55", 1, async ct => await Read("API: national s.55", $"/api/v1/inspections/{await InspectionAsync(ct)}/section55", ct));
                Add("API: inspections", 0.5, ct => Read("API: inspections", "/api/v1/inspections", ct));
                Add("national social media posts", 1, async ct =>
                {
                    if (await DatasetAsync(ct) is { } d)
                    {
                        await Read("national social media posts", $"/social-media/{d}/posts", ct);
                    }
                });
                Add("CSV: national view", 0.7, ct => Export("CSV: national view", "/national?handler=Csv", ct));
                Add("CSV: national s.55", 0.3, ct => Export("CSV: national s.55", "/national/section55?handler=Csv", ct));
                break;
            default:
                Add("audit log", 3, ct => Read("audit log", "/admin/audit", ct));
                Add("audit log (one force)", 1, ct => Read("audit log (one force)", $"/admin/audit?force={LoadUsers.Forces[rng.Next(LoadUsers.Forces.Length)]}", ct));
                Add("background jobs", 1, ct => Read("background jobs", "/admin/jobs", ct));
                Add("users", 1, ct => Read("users", "/admin/users", ct));
                Add("national view", 1, ct => Read("national view", "/national", ct));
                break;
        }
    }

    private static readonly string[] Filters = ["status=AwaitingReview", "status=Recorded", "outcome=nchi", "characteristic=disability", "overdue=true", "status=Finalised"];

    private Task<Reply?> Read(string name, string path, CancellationToken ct) => browser.GetAsync(name, RequestKind.Read, path, ct: ct);

    private Task<Reply?> Export(string name, string path, CancellationToken ct) => browser.GetAsync(name, RequestKind.Export, path, keepBody: false, ct: ct);

    private string Token() => $"{mix.Run}-{who.Index:000}-{Interlocked.Increment(ref saved):00000}";

    private async Task<int> RecommendationAsync(CancellationToken ct)
    {
        if (recommendations.Count == 0 && await Read("recommendations list", $"{F}/recommendations", ct) is { } page)
        {
            recommendations.AddRange(Ids(page.Body, $"{F}/recommendations/"));
        }

        return recommendations.Count == 0 ? 0 : recommendations[rng.Next(recommendations.Count)];
    }

    private async Task<int> InspectionAsync(CancellationToken ct)
    {
        if (inspection is null && await Read("API: inspections", "/api/v1/inspections", ct) is { } reply)
        {
            using var json = JsonDocument.Parse(reply.Body);
            inspection = json.RootElement.EnumerateArray().Select(e => e.GetProperty("id").GetInt32()).Max();
        }

        return inspection ?? 0;
    }

    private async Task<int?> DatasetAsync(CancellationToken ct)
    {
        if (dataset is null)
        {
            var prefix = who.Force is null ? "/social-media/" : $"{F}/social-media/";
            if (await Read("social media datasets", prefix.TrimEnd('/'), ct) is { } page)
            {
                // The newest dataset listed that is not one of this run's imports (those come and go).
                dataset = Ids(page.Body, prefix).Where(id => !mix.Imports.Any(u => u.EndsWith($"/{id}", StringComparison.Ordinal))).DefaultIfEmpty(-1).Min();
            }
        }

        return dataset is > 0 ? dataset : null;
    }

    private async Task NationalRecommendationAsync(CancellationToken ct)
    {
        if (nationalRecommendations.Count == 0 && await Read("national view", "/national", ct) is { } page)
        {
            nationalRecommendations.AddRange(Ids(page.Body, "/national/recommendations/"));
        }

        if (nationalRecommendations.Count > 0)
        {
            await Read("national recommendation", $"/national/recommendations/{nationalRecommendations[rng.Next(nationalRecommendations.Count)]}", ct);
        }
    }

    private async Task IncidentPageAsync(CancellationToken ct)
    {
        if (incidents.Count == 0 && await Read("hate incidents list", $"{F}/hate-incidents", ct) is { } page)
        {
            incidents.AddRange(Ids(page.Body, $"{F}/hate-incidents/"));
        }

        if (incidents.Count > 0)
        {
            await Read("incident page", $"{F}/hate-incidents/{incidents[rng.Next(incidents.Count)]}", ct);
        }
    }

    private async Task SaveProgressFormAsync(CancellationToken ct)
    {
        var id = await RecommendationAsync(ct);
        if (await Read("recommendation page", $"{F}/recommendations/{id}", ct) is not { } page
            || Browser.Form(page.Body, "handler=Progress") is not { } form)
        {
            return;
        }

        var token = Token();
        var text = $"Load test update {token}: the working group met and agreed the next steps.";
        var done = await browser.SubmitAsync("save progress (form)", RequestKind.Save, form,
            new() { ["Progress"] = Progresses[rng.Next(Progresses.Length)], ["EvidenceText"] = text },
            mix.SavesOnly ? null : "recommendation page", ct: ct);
        if (done is not null)
        {
            mix.Saves.Enqueue(new SaveRecord("progress", who.Force!, token, Rec.Elapsed));
        }
    }

    private static readonly string[] Progresses = ["InProgress", "AwaitingNationalGuidance", "InProgress"];

    private async Task SaveProgressApiAsync(CancellationToken ct)
    {
        if (csrf is null)
        {
            if (await Read("API: antiforgery token", "/api/v1/antiforgery", ct) is not { } t)
            {
                return;
            }

            using var json = JsonDocument.Parse(t.Body);
            csrf = json.RootElement.GetProperty("token").GetString();
        }

        var id = await RecommendationAsync(ct);
        if (await Read("API: action plan", $"/api/v1{F}/recommendations/{id}", ct) is not { } plan)
        {
            return;
        }

        string version;
        using (var json = JsonDocument.Parse(plan.Body))
        {
            version = json.RootElement.GetProperty("plan").GetProperty("version").GetString()!;
        }

        var token = Token();
        var body = JsonSerializer.Serialize(new { version, progress = Progresses[rng.Next(Progresses.Length)], evidenceText = $"Load test update {token} (API)." });
        using var content = Bodies.Json(body);
        var reply = await browser.SendAsync(HttpMethod.Post, $"/api/v1{F}/recommendations/{id}/progress", content, new() { ["X-CSRF-TOKEN"] = csrf! }, ct: ct);
        const string name = "save progress (API)";
        if (reply is null)
        {
            Rec.Record(name, RequestKind.Save, 0, Outcome.Error, browser.LastException);
        }
        else if (reply.Status == System.Net.HttpStatusCode.OK)
        {
            Rec.Record(name, RequestKind.Save, reply.Ms, Outcome.Ok);
            mix.Saves.Enqueue(new SaveRecord("progress", who.Force!, token, Rec.Elapsed));
        }
        else if (reply.Status == System.Net.HttpStatusCode.Conflict)
        {
            Rec.Record(name, RequestKind.Save, reply.Ms, Outcome.Conflict);
        }
        else
        {
            Rec.Record(name, RequestKind.Save, reply.Ms, Outcome.Error, $"POST progress: HTTP {(int)reply.Status} {Browser.Describe(reply)}");
            if (reply.Status is System.Net.HttpStatusCode.BadRequest or System.Net.HttpStatusCode.Unauthorized)
            {
                csrf = null;
            }
        }
    }

    private async Task SaveAssessmentFormAsync(CancellationToken ct)
    {
        var id = await RecommendationAsync(ct);
        if (await Read("recommendation page", $"{F}/recommendations/{id}", ct) is not { } page
            || Browser.Form(page.Body, "handler=Assess") is not { } form)
        {
            return;
        }

        // "Accepted as closed" needs progress marked complete, which the load test never does.
        var token = Token();
        var done = await browser.SubmitAsync("save assessment (form)", RequestKind.Save, form,
            new() { ["Assessment"] = "EvidenceInsufficient", ["AssessmentNote"] = $"Reviewed the evidence at the board ({token})." },
            "recommendation page", ct: ct);
        if (done is not null)
        {
            mix.Saves.Enqueue(new SaveRecord("plan assessment", who.Force!, token, Rec.Elapsed));
        }
    }

    private async Task RecordIncidentAsync(CancellationToken ct)
    {
        if (await Read("record incident form", $"{F}/hate-incidents/new", ct) is not { } page || Browser.Form(page.Body, "/hate-incidents/new") is not { } form)
        {
            return;
        }

        var token = Token();
        var typed = rng.Next(2) == 0;
        var changes = new Dictionary<string, string?>
        {
            ["Reference"] = typed ? $"LT-{token}" : null,
            ["Channel"] = Pick(Radios(form, "Channel")),
            ["OccurredOn.Day"] = Value(form, "ReportedOn.Day"),
            ["OccurredOn.Month"] = Value(form, "ReportedOn.Month"),
            ["OccurredOn.Year"] = Value(form, "ReportedOn.Year"),
            ["Area"] = $"Central ward {rng.Next(1, 30)}",
            ["LocationDescription"] = "Outside the shops on the high street",
            ["Circumstances"] = $"The complainant was shouted at in the street and believes it was because of who they are. Recorded by the load test ({token}).",
            ["Characteristics"] = Pick(Checkboxes(form, "Characteristics")),
            ["PerceivedBy"] = Pick(Radios(form, "PerceivedBy")),
            ["ImmediateRisk"] = "false",
            ["SafeguardingConcern"] = "false",
        };
        var location = await browser.SubmitAsync("record incident", RequestKind.Save, form, changes, mix.SavesOnly ? null : "incident page", ct: ct);
        if (location is null || IdAtEnd().Match(location) is not { Success: true } m)
        {
            return;
        }

        var id = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        mix.Saves.Enqueue(new SaveRecord("incident", who.Force!, id.ToString(CultureInfo.InvariantCulture), Rec.Elapsed));
        incidents.Add(id);
        if (!mix.SavesOnly && who.Role == Roles.CallTaker)
        {
            await AssessAsync(id, ct);
        }
    }

    private async Task AssessRecordedAsync(CancellationToken ct)
    {
        if (await Read("hate incidents list (filtered)", $"{F}/hate-incidents?status=Recorded", ct) is not { } page)
        {
            return;
        }

        var recorded = Ids(page.Body, $"{F}/hate-incidents/").Take(5).ToList();
        if (recorded.Count == 0)
        {
            await RecordIncidentAsync(ct);
            return;
        }

        await AssessAsync(recorded[rng.Next(recorded.Count)], ct);
    }

    private async Task AssessAsync(int id, CancellationToken ct)
    {
        if (await Read("assess form", $"{F}/hate-incidents/{id}/assess", ct) is not { } page
            || !page.Body.Contains("Save assessment", StringComparison.Ordinal)
            || Browser.Form(page.Body, $"/hate-incidents/{id}/assess") is not { } form)
        {
            return; // under this force's policy only a specialist assesses
        }

        var changes = new Dictionary<string, string?>();
        foreach (var name in form.QuerySelectorAll<IHtmlInputElement>("input[type=radio]").Select(i => i.Name!).Distinct())
        {
            var key = name.Replace("Answers[", "", StringComparison.Ordinal).TrimEnd(']');
            changes[name] = key switch
            {
                "perceivedHostility" => "true",
                "basisToConcludeIntentionalHostility" => rng.Next(3) == 0 ? "false" : "true",
                "isCrime" => rng.Next(3) == 0 ? "true" : "false",
                "immediateRisk" => Value(form, name) ?? "false",
                _ => "false",
            };
        }

        var done = await browser.SubmitAsync("assess incident", RequestKind.Save, form, changes, "incident page", ct: ct);
        if (done is not null)
        {
            mix.Saves.Enqueue(new SaveRecord("assessment", who.Force!, id.ToString(CultureInfo.InvariantCulture), Rec.Elapsed));
        }
    }

    private async Task SignOutAndInAsync(CancellationToken ct)
    {
        if (await Read("sign out page", "/account/sign-out", ct) is { } page && Browser.Form(page.Body, "/account/sign-out") is { } form)
        {
            await browser.SubmitAsync("sign out", RequestKind.Save, form, null, null, ct: ct);
        }

        browser.ClearCookies();
        csrf = null;
        while (!await browser.SignInAsync(who.Email, LoadUsers.Password, ct))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
    }

    /// <summary>A communications user uploads an export big enough to import in the background, then watches its page until it is done.</summary>
    private async Task ImportAsync(CancellationToken ct)
    {
        if (await Read("social media import form", $"{F}/social-media/import", ct) is not { } page || Browser.Form(page.Body, "/social-media/import") is not { } form)
        {
            return;
        }

        var (accounts, posts) = mix.ImportFiles(who.Force!);
        var location = await browser.SubmitAsync("import: upload", RequestKind.Import, form, new() { ["Name"] = $"Load test import {Token()}" }, null,
            [("AccountsFile", "accounts.csv", accounts), ("PostsFile", "posts.csv", posts)], ct);
        if (location is null)
        {
            return;
        }

        mix.Imports.Enqueue(location);
        var started = Rec.Elapsed;
        var deadline = started + TimeSpan.FromMinutes(10);
        while (Rec.Elapsed < deadline)
        {
            // As the browser does: the page refreshes itself every 3 seconds while the import runs.
            await Task.Delay(TimeSpan.FromSeconds(3), ct);
            if (await Read("import: progress page", location, ct) is { } p && !p.Body.Contains("http-equiv=\"refresh\"", StringComparison.Ordinal))
            {
                Rec.Record("import: upload to ready", RequestKind.Import, (Rec.Elapsed - started).TotalMilliseconds,
                    p.Body.Contains("id=\"import-failure\"", StringComparison.Ordinal) ? Outcome.Error : Outcome.Ok, "the import failed");
                return;
            }
        }

        Rec.Record("import: upload to ready", RequestKind.Import, (Rec.Elapsed - started).TotalMilliseconds, Outcome.Error, "not ready after 10 minutes");
    }

    private string? Pick(List<string> values) => values.Count == 0 ? null : values[rng.Next(values.Count)];

    private static List<string> Radios(IHtmlFormElement form, string name) =>
        form.QuerySelectorAll<IHtmlInputElement>($"input[type=radio][name='{name}']").Select(i => i.Value).ToList();

    private static List<string> Checkboxes(IHtmlFormElement form, string name) =>
        form.QuerySelectorAll<IHtmlInputElement>($"input[type=checkbox][name='{name}']").Select(i => i.Value).ToList();

    private static string? Value(IHtmlFormElement form, string name) =>
        form.QuerySelectorAll<IHtmlInputElement>("input").FirstOrDefault(i => i.Name == name && (i.Type is not ("radio" or "checkbox") || i.IsChecked))?.Value;

    /// <summary>The numeric ids in links that start with <paramref name="prefix"/> (e.g. "/forces/cheshire/recommendations/12").</summary>
    private static IEnumerable<int> Ids(string html, string prefix) =>
        Regex.Matches(html, "href=\"" + Regex.Escape(prefix) + "(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct();

    [GeneratedRegex(@"/(\d+)(?:\?.*)?$")]
    private static partial Regex IdAtEnd();
}

/// <summary>A social media export (accounts and posts CSV) of one force's accounts, as an upload would carry.</summary>
internal static class SocialFiles
{
    public static (byte[] Accounts, byte[] Posts) Make(string force, int posts)
    {
        var accounts = string.Join('\n',
            "account_id,handle,full_name,description,followers,total_posts,created_at,location,verified,url,force,account_type",
            $"a1,@LoadTestPolice,Load test police,Official account,52000,{posts},2010-01-01T00:00:00Z,{force},true,https://example.test/a1,{force},main",
            $"a2,@LoadTestRoads,Roads policing,Roads policing team,3100,{posts / 3},2016-05-01T00:00:00Z,{force},false,,{force},team",
            $"a3,@LoadTestCommunity,Neighbourhood team,Your local officers,800,{posts / 3},2018-02-02T12:30:00Z,{force},false,,{force},team") + "\n";
        string[] texts =
        [
            "Appeal for witnesses after a collision on the A56 near the junction; please call 101 quoting incident",
            "Officers joined the Pride march today to keep everyone safe, proud to serve all our communities, ref",
            "Our neighbourhood team held a surgery at the library this morning, thanks to all who came along, ref",
            "We are aware of a protest planned in the city centre on Saturday and will police it impartially, ref",
            "Burglary arrests after a week of action across the district, more to follow, ref",
        ];
        var csv = new StringBuilder("post_id,account_id,posted_at,text,likes,reposts,quotes,replies,is_repost,original_author\n", posts * 150);
        var start = new DateTime(2023, 1, 1, 8, 0, 0, DateTimeKind.Utc);
        var rng = new Random(11);
        for (var i = 0; i < posts; i++)
        {
            csv.Append('p').Append(i).Append(",a").Append((i % 3) + 1).Append(',')
                .Append(start.AddMinutes(i * 7).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
                .Append('"').Append(texts[i % texts.Length]).Append(' ').Append(i).Append("\",")
                .Append(rng.Next(0, 400)).Append(',').Append(rng.Next(0, 60)).Append(',').Append(rng.Next(0, 5)).Append(',').Append(rng.Next(0, 40)).Append(",false,\n");
        }

        return (Encoding.UTF8.GetBytes(accounts), Encoding.UTF8.GetBytes(csv.ToString()));
    }
}
