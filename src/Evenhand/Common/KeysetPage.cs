namespace Evenhand.Common;

/// <summary>Where a page of a keyset-paged list starts: the first page, after or before a row's key, or the last page.</summary>
public enum PageFrom
{
    First,
    After,
    Before,
    Last,
}

/// <summary>
/// Which page of a list ordered by a unique key to read. Lists are paged by key, not by offset: "next" reads the rows after
/// the last row shown, "previous" the rows before the first, "last" the list read backwards; so every page costs the same,
/// however deep, and no row is skipped or shown twice when rows share a sort value (the key ends with a unique id).
/// <see cref="Number"/> is the page number to show, carried in the links (exact while the user moves page by page).
/// </summary>
public sealed record PageRequest<TKey>(PageFrom From, TKey? Key, int Number, int Size)
    where TKey : struct
{
    /// <summary>Reads backwards (a previous page or the last): the query orders the other way and the rows are turned round.</summary>
    public bool Backwards => From is PageFrom.Before or PageFrom.Last;

    /// <summary>
    /// How many rows the page holds: the page size, except that the last page of a list whose total is known holds what is
    /// left over, so that its pages line up with those reached from the first (and their numbers are right).
    /// </summary>
    public int Rows(long? total) => From == PageFrom.Last && total is { } t && t % Size != 0 ? (int)(t % Size) : Size;

    /// <summary>How many rows to read: <see cref="Rows"/> and one more, which only tells whether there are more.</summary>
    public int Take(long? total) => Rows(total) + 1;
}

/// <summary>Makes <see cref="PageRequest{TKey}"/>s.</summary>
public static class PageRequest
{
    public static PageRequest<TKey> First<TKey>(int size)
        where TKey : struct => new(PageFrom.First, null, 1, size);

    /// <summary>
    /// From the query string: <c>after=KEY</c>, <c>before=KEY</c> or <c>last=true</c>, and <c>page=N</c>. A key that does not
    /// parse gives the first page: a mangled link never fails.
    /// </summary>
    public static PageRequest<TKey> Parse<TKey>(string? after, string? before, bool last, int? number, int size, Func<string, TKey?> parse)
        where TKey : struct
    {
        ArgumentNullException.ThrowIfNull(parse);
        var n = Math.Max(1, number ?? 1);
        if (last)
        {
            return new(PageFrom.Last, null, n, size);
        }

        if (!string.IsNullOrEmpty(after) && parse(after) is { } a)
        {
            return new(PageFrom.After, a, Math.Max(2, n), size);
        }

        if (!string.IsNullOrEmpty(before) && parse(before) is { } b)
        {
            return new(PageFrom.Before, b, n, size);
        }

        return First<TKey>(size);
    }
}

/// <summary>
/// One page of a keyset-paged list: its rows in list order, whether there are rows before and after it, its number, and the
/// list's total when it is known (kept with the data or counted cheaply); null when the list is not counted.
/// </summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, bool HasPrevious, bool HasNext, int Number, int Size, long? Total)
{
    /// <summary>How many pages there are, when the total is known.</summary>
    public int? Pages => Total is { } t ? (int)Math.Max(1, (t + Size - 1) / Size) : null;
}

/// <summary>Makes <see cref="KeysetPage{T}"/>s.</summary>
public static class KeysetPage
{
    public static KeysetPage<T> Empty<T>(int size) => new([], false, false, 1, size, 0);

    /// <summary>
    /// Builds the page from the rows a query read: up to <see cref="PageRequest{TKey}.Take"/> of them, in the query's order
    /// (backwards for a previous or last page). The extra row only tells whether there are more.
    /// </summary>
    public static KeysetPage<T> From<T, TKey>(PageRequest<TKey> request, List<T> read, long? total)
        where TKey : struct
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(read);
        var more = read.Count > request.Rows(total);
        if (more)
        {
            read.RemoveAt(read.Count - 1);
        }

        if (request.Backwards)
        {
            read.Reverse();
        }

        var hasPrevious = request.From switch
        {
            PageFrom.First => false,
            PageFrom.After => true,
            _ => more,
        };
        var hasNext = request.From switch
        {
            PageFrom.First or PageFrom.After => more,
            PageFrom.Before => true,
            _ => false,
        };
        var page = new KeysetPage<T>(read, hasPrevious, hasNext, request.Number, request.Size, total);
        var pages = page.Pages;
        var number = !hasPrevious ? 1
            : !hasNext && pages is { } p ? p
            : Math.Clamp(request.Number, 2, pages is { } q ? Math.Max(2, q - (hasNext ? 1 : 0)) : int.MaxValue);
        return page with { Number = number };
    }
}
