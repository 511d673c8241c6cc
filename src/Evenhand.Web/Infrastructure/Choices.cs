using Evenhand.Common;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Evenhand.Web.Infrastructure;

/// <summary>
/// An enum's values as form choices, in declaration order, with the words from <see cref="DisplayNames"/>: the value posted is
/// the enum's name (what model binding expects), the text is what people read.
/// </summary>
public static class Choices
{
    /// <summary>Options for <c>&lt;select asp-items="…"&gt;</c>, <paramref name="selected"/> marked; <paramref name="any"/> adds a first, empty option.</summary>
    public static List<SelectListItem> Options<T>(T? selected = null, string? any = null) where T : struct, Enum
    {
        var items = new List<SelectListItem>();
        if (any is not null)
        {
            items.Add(new SelectListItem(any, "", selected is null));
        }

        items.AddRange(Enum.GetValues<T>().Select(v => new SelectListItem(DisplayNames.For(v), v.ToString(), selected is { } s && s.Equals(v))));
        return items;
    }

    /// <summary>(value, text) pairs for the <c>_Radios</c> partial.</summary>
    public static IReadOnlyList<(string Value, string Text)> Radios<T>() where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (v.ToString(), DisplayNames.For(v)))];
}
