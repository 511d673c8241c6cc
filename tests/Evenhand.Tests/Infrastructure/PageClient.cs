using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Evenhand.Tests.Infrastructure;

/// <summary>An HTTP client that reads pages as a browser would: it parses HTML and submits forms with their hidden fields (antiforgery token, version).</summary>
public sealed class PageClient(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http { get; } = http;

    public async Task<HttpResponseMessage> GetAsync(string url) => await Http.GetAsync(url);

    public async Task<IHtmlDocument> GetPageAsync(string url)
    {
        var response = await Http.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}");
        return await ParseAsync(response);
    }

    /// <summary>
    /// The page, parsed; every page a test reads is also checked against the GOV.UK error pattern (see
    /// <see cref="AssertErrorsAreTiedToFields"/>), so a refused form anywhere in the suite proves its own error markup.
    /// </summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        var page = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        AssertErrorsAreTiedToFields(page);
        return page;
    }

    /// <summary>
    /// What a screen reader user relies on after a refusal: each link in the error summary leads to an element on the page,
    /// and each field's error message is named by some element's aria-describedby (the field, or the fieldset of a group of
    /// radios or checkboxes), so it is read out when the field gets focus.
    /// </summary>
    public static void AssertErrorsAreTiedToFields(IHtmlDocument page)
    {
        var problems = new List<string>();
        foreach (var link in page.QuerySelectorAll(".govuk-error-summary a[href^='#']"))
        {
            var id = link.GetAttribute("href")![1..];
            if (page.GetElementById(id) is null)
            {
                problems.Add($"the error summary links to #{id}, which is not on the page ({link.TextContent.Trim()})");
            }
        }

        var described = page.QuerySelectorAll("[aria-describedby]")
            .SelectMany(e => e.GetAttribute("aria-describedby")!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var message in page.QuerySelectorAll(".govuk-error-message[id]"))
        {
            if (!described.Contains(message.Id!))
            {
                problems.Add($"no field's aria-describedby names the error message #{message.Id} ({message.TextContent.Trim()})");
            }
        }

        Assert.True(problems.Count == 0, "The page's errors are not tied to their fields: " + string.Join("; ", problems));
    }

    public async Task SignInAsync(string email, string password)
    {
        var page = await GetPageAsync("/account/sign-in");
        var response = await SubmitAsync(page, "/account/sign-in", new() { ["Email"] = email, ["Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in as {email} failed: {(int)response.StatusCode}");
    }

    /// <summary>Submits the form whose action matches <paramref name="actionContains"/>, with its own fields overridden by <paramref name="values"/>.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlDocument page, string actionContains, Dictionary<string, string?> values, (string Field, string FileName, byte[] Content)? file = null)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form with action containing '{actionContains}'. Forms: " +
                string.Join(", ", page.QuerySelectorAll<IHtmlFormElement>("form").Select(f => f.GetAttribute("action"))));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            if (!values.ContainsKey(input.Name!))
            {
                fields.Add(new(input.Name!, input.Value));
            }
        }

        // Like a browser, also send each select's chosen option (or its first).
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            if (!values.ContainsKey(select.Name!) && (select.QuerySelector<IHtmlOptionElement>("option[selected]") ?? select.QuerySelector<IHtmlOptionElement>("option")) is { } option)
            {
                fields.Add(new(select.Name!, option.Value));
            }
        }

        foreach (var (k, v) in values)
        {
            if (v is not null)
            {
                fields.Add(new(k, v));
            }
        }

        var action = form.GetAttribute("action")!;
        if (file is null)
        {
            return Http.PostAsync(action, new FormUrlEncodedContent(fields));
        }

        var multipart = new MultipartFormDataContent();
        foreach (var (k, v) in fields)
        {
            multipart.Add(new StringContent(v), k);
        }

        var content = new ByteArrayContent(file.Value.Content);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        multipart.Add(content, file.Value.Field, file.Value.FileName);
        return Http.PostAsync(action, multipart);
    }

    /// <summary>
    /// Submits a form as a browser would: every field with its current value (text inputs, text areas, checked radios and
    /// checkboxes, selects, hidden fields; disabled fields are not sent), with <paramref name="changes"/> typed over them
    /// (a null value clears the field).
    /// </summary>
    public Task<HttpResponseMessage> SubmitFormAsync(IHtmlDocument page, string actionContains, Dictionary<string, string?>? changes = null)
    {
        var form = page.QuerySelectorAll<IHtmlFormElement>("form")
            .FirstOrDefault(f => (f.GetAttribute("action") ?? "").Contains(actionContains, StringComparison.OrdinalIgnoreCase))
            ?? throw new InvalidOperationException($"No form with action containing '{actionContains}'.");
        var fields = FormValues(form);
        foreach (var (k, v) in changes ?? [])
        {
            fields.RemoveAll(f => f.Key == k);
            if (v is not null)
            {
                fields.Add(new(k, v));
            }
        }

        return Http.PostAsync(form.GetAttribute("action")!, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// Clicks the submit button whose text contains <paramref name="buttonText"/>: sends its form as <see cref="SubmitFormAsync"/>
    /// does, to the button's own formaction when it has one, with the button's name and value when it has them.
    /// </summary>
    public Task<HttpResponseMessage> ClickButtonAsync(IHtmlDocument page, string buttonText, Dictionary<string, string?>? changes = null)
    {
        var button = page.QuerySelectorAll<IHtmlButtonElement>("button")
            .FirstOrDefault(b => b.TextContent.Contains(buttonText, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No button with the text '{buttonText}'.");
        var form = button.Form ?? throw new InvalidOperationException($"The button '{buttonText}' is not in a form.");
        var fields = FormValues(form);
        if (!string.IsNullOrEmpty(button.Name))
        {
            fields.Add(new(button.Name, button.Value));
        }

        foreach (var (k, v) in changes ?? [])
        {
            fields.RemoveAll(f => f.Key == k);
            if (v is not null)
            {
                fields.Add(new(k, v));
            }
        }

        var action = button.GetAttribute("formaction") is { Length: > 0 } formAction ? formAction : form.GetAttribute("action")!;
        return Http.PostAsync(action, new FormUrlEncodedContent(fields));
    }

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

    public void Dispose() => Http.Dispose();
}
