using System.Globalization;
using Evenhand.Common;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// The links of a keyset-paged list (see <see cref="KeysetPage{T}"/>), for the GOV.UK pagination component
/// (<c>Pages/Shared/_KeysetPagination.cshtml</c>): first, previous (<c>before=</c> the first row's key), next (<c>after=</c>
/// the last row's key) and last (<c>last=true</c>, the list read backwards), each carrying the page number to show and the
/// list's filters. <paramref name="Url"/> gives the list's address with its filters plus the paging part it is given.
/// </summary>
public sealed record PageLinks(int Number, int? Pages, string Self, string? First, string? Previous, string? Next, string? Last)
{
    /// <summary>Nothing to page: one page or none.</summary>
    public bool HasNoLinks => First is null && Previous is null && Next is null && Last is null;

    /// <summary>
    /// The links of <paramref name="page"/>; <paramref name="self"/> is the address it was read from (the current page's link).
    /// <paramref name="url"/> gives the list's address (from the router) with its filters and the paging values it is given,
    /// usually through <see cref="Query"/>.
    /// </summary>
    public static PageLinks For<T>(KeysetPage<T> page, Func<T, string> key, Func<(string Name, object? Value)[], string> url, string self)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(url);
        var n = page.Number;
        return new PageLinks(
            n,
            page.Pages,
            self,
            page.HasPrevious ? url([]) : null,
            page.HasPrevious && page.Items.Count > 0 ? url([("before", key(page.Items[0])), ("page", Math.Max(1, n - 1))]) : null,
            page.HasNext && page.Items.Count > 0 ? url([("after", key(page.Items[^1])), ("page", n + 1)]) : null,
            page.HasNext ? url([("last", true), ("page", page.Pages)]) : null);
    }

    /// <summary>The same, for a list whose address is still joined from query-string text (<see cref="Join"/>).</summary>
    public static PageLinks For<T>(KeysetPage<T> page, Func<T, string> key, Func<string, string> url, string self)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(url);
        var n = page.Number;
        string Number(int p) => p.ToString(CultureInfo.InvariantCulture);
        return new PageLinks(
            n,
            page.Pages,
            self,
            page.HasPrevious ? url("") : null,
            page.HasPrevious && page.Items.Count > 0 ? url($"before={Uri.EscapeDataString(key(page.Items[0]))}&page={Number(Math.Max(1, n - 1))}") : null,
            page.HasNext && page.Items.Count > 0 ? url($"after={Uri.EscapeDataString(key(page.Items[^1]))}&page={Number(n + 1)}") : null,
            page.HasNext ? url($"last=true" + (page.Pages is { } p ? $"&page={Number(p)}" : "")) : null);
    }

    /// <summary>
    /// <paramref name="path"/> (from the router: <c>Url.Page</c>) with a query string of <paramref name="values"/>, escaped;
    /// null, empty and false values are left out, true is "true", numbers are invariant and enums are their names. Razor
    /// Pages reserves the route value "page" for the page's name, so list page numbers cannot go through <c>Url.Page</c>'s
    /// values: they come here.
    /// </summary>
    public static string Query(string path, params IEnumerable<(string Name, object? Value)> values)
    {
        var query = new Microsoft.AspNetCore.Http.Extensions.QueryBuilder();
        foreach (var (name, value) in values)
        {
            var text = value switch
            {
                null or false => null,
                true => "true",
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => value.ToString(),
            };
            if (!string.IsNullOrEmpty(text))
            {
                query.Add(name, text);
            }
        }

        return path + query.ToQueryString();
    }

    /// <summary>Joins a list's address and its query parts, leaving out empty ones.</summary>
    public static string Join(string path, params IEnumerable<string?> parts)
    {
        var query = string.Join("&", parts.Where(p => !string.IsNullOrEmpty(p)));
        return query.Length == 0 ? path : $"{path}?{query}";
    }

    /// <summary><c>name=value</c>, escaped; null when the value is empty.</summary>
    public static string? Part(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : $"{name}={Uri.EscapeDataString(value)}";
}
