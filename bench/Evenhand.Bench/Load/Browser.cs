using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Evenhand.Bench.Load;

/// <summary>One request's result: status, body (HTML or JSON; exports are read and counted, not kept), redirect target, time.</summary>
internal sealed record Reply(HttpStatusCode Status, string Body, string? Location, double Ms, long Bytes)
{
    public bool IsRedirect => Status is HttpStatusCode.Redirect or HttpStatusCode.SeeOther or HttpStatusCode.RedirectKeepVerb;
}

/// <summary>
/// What a browser does for one user: a cookie jar (sent to every server, so a sign-in on one server is used on the other;
/// Secure cookies are kept, as the connection to the proxy in front is HTTPS), requests spread round-robin over the
/// servers (a load balancer without affinity), forms read from the page and posted with their hidden fields (antiforgery
/// token, version) and current values. Every request is timed and recorded by page name.
/// </summary>
internal sealed partial class Browser(HttpClient http, ServerPool servers, Recorder recorder, int user)
{
    private static readonly HtmlParser Parser = new();
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public Recorder Recorder => recorder;

    /// <summary>Called for each request's server and outcome (the fault test uses it to know which server answered).</summary>
    public Action<Uri, Reply?>? Observe { get; set; }

    public async Task<Reply?> SendAsync(HttpMethod method, string path, HttpContent? content = null, Dictionary<string, string>? headers = null,
        bool keepBody = true, Uri? server = null, CancellationToken ct = default)
    {
        server ??= servers.Next();
        using var request = new HttpRequestMessage(method, new Uri(server, path)) { Content = content };
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", $"10.0.{user / 250}.{(user % 250) + 1}");
        lock (cookies)
        {
            if (cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
        }

        foreach (var (k, v) in headers ?? [])
        {
            request.Headers.Add(k, v);
        }

        var sw = Stopwatch.StartNew();
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            string body;
            long bytes;
            if (keepBody)
            {
                body = await response.Content.ReadAsStringAsync(ct);
                bytes = body.Length;
            }
            else
            {
                await using var stream = await response.Content.ReadAsStreamAsync(ct);
                var buffer = new byte[1 << 16];
                bytes = 0;
                int n;
                while ((n = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    bytes += n;
                }

                body = "";
            }

            var ms = sw.Elapsed.TotalMilliseconds;
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                Store(setCookies);
            }

            var reply = new Reply(response.StatusCode, body, response.Headers.Location?.OriginalString, ms, bytes);
            Observe?.Invoke(server, reply);
            return reply;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException && !ct.IsCancellationRequested)
        {
            Observe?.Invoke(server, null);
            LastException = $"{e.GetType().Name}: {e.Message} ({server.Authority}, after {sw.Elapsed.TotalMilliseconds:F0} ms)";
            return null;
        }
    }

    /// <summary>Why the last request that returned null failed.</summary>
    public string? LastException { get; private set; }

    /// <summary>GET a page or JSON; records it under <paramref name="name"/>. Null (recorded as an error) unless 200.</summary>
    public async Task<Reply?> GetAsync(string name, RequestKind kind, string path, bool keepBody = true, CancellationToken ct = default)
    {
        var reply = await SendAsync(HttpMethod.Get, path, keepBody: keepBody, ct: ct);
        if (reply is null)
        {
            recorder.Record(name, kind, 0, Outcome.Error, $"GET {path}: {LastException}");
            return null;
        }

        if (reply.Status != HttpStatusCode.OK)
        {
            recorder.Record(name, kind, reply.Ms, Outcome.Error, $"GET {path}: HTTP {(int)reply.Status} {Describe(reply)}");
            return null;
        }

        recorder.Record(name, kind, reply.Ms, Outcome.Ok);
        return reply;
    }

    /// <summary>
    /// Posts a form as a browser would and records it: a redirect is success (and is followed, recorded as
    /// <paramref name="followAs"/>); the page again with "changed by someone else" is a conflict; anything else an error.
    /// Returns the redirect target on success.
    /// </summary>
    public async Task<string?> SubmitAsync(string name, RequestKind kind, IHtmlFormElement form, Dictionary<string, string?>? changes, string? followAs,
        (string Field, string FileName, byte[] Content)[]? files = null, CancellationToken ct = default)
    {
        var action = form.GetAttribute("action") ?? throw new InvalidOperationException($"{name}: the form has no action");
        var fields = FormValues(form);
        foreach (var (k, v) in changes ?? [])
        {
            fields.RemoveAll(f => f.Key == k);
            if (v is not null)
            {
                fields.Add(new(k, v));
            }
        }

        HttpContent content;
        if (files is not null || string.Equals(form.GetAttribute("enctype"), "multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            var multipart = new MultipartFormDataContent();
            foreach (var (k, v) in fields)
            {
                multipart.Add(new StringContent(v), k);
            }

            foreach (var (field, fileName, bytes) in files ?? [])
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
                multipart.Add(file, field, fileName);
            }

            content = multipart;
        }
        else
        {
            content = new FormUrlEncodedContent(fields);
        }

        using (content)
        {
            var reply = await SendAsync(HttpMethod.Post, action, content, ct: ct);
            if (reply is null)
            {
                recorder.Record(name, kind, 0, Outcome.Error, $"POST {action}: {LastException}");
                return null;
            }

            if (reply.IsRedirect && reply.Location is { } location)
            {
                recorder.Record(name, kind, reply.Ms, Outcome.Ok);
                if (followAs is not null)
                {
                    await GetAsync(followAs, RequestKind.Read, location, ct: ct);
                }

                return location;
            }

            // Someone else changed the record first: the version check ("changed by someone else"), or, for an incident
            // assessed by another user after this one opened the form, the workflow's refusal to assess a finalised incident.
            if (reply.Status == HttpStatusCode.OK && (reply.Body.Contains("changed by someone else", StringComparison.Ordinal)
                || reply.Body.Contains("This incident has been finalised.", StringComparison.Ordinal)))
            {
                recorder.Record(name, kind, reply.Ms, Outcome.Conflict);
                return null;
            }

            recorder.Record(name, kind, reply.Ms, Outcome.Error, $"POST {action}: HTTP {(int)reply.Status} {Describe(reply)}");
            return null;
        }
    }

    /// <summary>Signs in through the form. False (recorded as an error) when it fails.</summary>
    public async Task<bool> SignInAsync(string email, string password, CancellationToken ct = default)
    {
        var page = await GetAsync("sign-in page", RequestKind.Read, "/account/sign-in", ct: ct);
        if (page is null || Form(page.Body, "/account/sign-in") is not { } form)
        {
            return false;
        }

        return await SubmitAsync("sign in", RequestKind.SignIn, form, new() { ["Email"] = email, ["Password"] = password }, null, ct: ct) is not null;
    }

    public void ClearCookies()
    {
        lock (cookies)
        {
            cookies.Clear();
        }
    }

    public static IHtmlDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>The first form whose action contains <paramref name="actionContains"/>.</summary>
    public static IHtmlFormElement? Form(string html, string actionContains) =>
        Parse(html).QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.OrdinalIgnoreCase));

    /// <summary>What a browser would send for the form as the page shows it.</summary>
    public static List<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]").Where(i => !i.IsDisabled))
        {
            var type = (input.Type ?? "text").ToLowerInvariant();
            if (type is "radio" or "checkbox" ? input.IsChecked : type is not ("file" or "submit" or "button"))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        foreach (var area in form.QuerySelectorAll<IHtmlTextAreaElement>("textarea[name]").Where(a => !a.IsDisabled))
        {
            fields.Add(new(area.Name!, area.Value));
        }

        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select[name]").Where(s => !s.IsDisabled))
        {
            if ((select.QuerySelector<IHtmlOptionElement>("option[selected]") ?? select.QuerySelector<IHtmlOptionElement>("option")) is { } option)
            {
                fields.Add(new(select.Name!, option.Value));
            }
        }

        return fields;
    }

    /// <summary>A short description of an unexpected reply: the page's title and error summary, or a problem's detail.</summary>
    public static string Describe(Reply reply)
    {
        var body = reply.Body;
        var title = TitlePattern().Match(body) is { Success: true } t ? WebUtility.HtmlDecode(t.Groups[1].Value.Trim()) : null;
        var summary = ErrorSummaryPattern().Match(body) is { Success: true } s ? WebUtility.HtmlDecode(TagPattern().Replace(s.Groups[1].Value, " ")) : null;
        var text = title is null && summary is null ? body : $"{title} {summary}";
        text = WhitespacePattern().Replace(text, " ").Trim();
        return text.Length > 240 ? text[..240] + "…" : text;
    }

    private void Store(IEnumerable<string> setCookies)
    {
        lock (cookies)
        {
            foreach (var header in setCookies)
            {
                var first = header.Split(';', 2)[0];
                var eq = first.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var name = first[..eq].Trim();
                var value = first[(eq + 1)..].Trim();
                var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase) || header.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
                if (value.Length == 0 || expired)
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = value;
                }
            }
        }
    }

    [GeneratedRegex("<title>(.*?)</title>", RegexOptions.Singleline)]
    private static partial Regex TitlePattern();

    [GeneratedRegex("govuk-error-summary__list\">(.*?)</ul>", RegexOptions.Singleline)]
    private static partial Regex ErrorSummaryPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespacePattern();
}

/// <summary>
/// The servers behind the (pretend) load balancer: requests go round-robin to those in service. The fault test takes a
/// server out of service when it kills it and puts it back once it is ready again, as a balancer's health check would.
/// </summary>
internal sealed class ServerPool(IEnumerable<Uri> servers)
{
    private readonly List<(Uri Address, bool InService)> servers = servers.Select(s => (s, true)).ToList();
    private int next;

    public Uri Next()
    {
        lock (servers)
        {
            var up = servers.Where(s => s.InService).Select(s => s.Address).ToList();
            var from = up.Count > 0 ? up : servers.Select(s => s.Address).ToList();
            return from[(int)((uint)Interlocked.Increment(ref next) % (uint)from.Count)];
        }
    }

    public void Set(Uri address, bool inService)
    {
        lock (servers)
        {
            var i = servers.FindIndex(s => s.Address == address);
            servers[i] = (address, inService);
        }
    }
}

/// <summary>Small helpers for building bodies.</summary>
internal static class Bodies
{
    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");
}
