namespace Evenhand.Web.Infrastructure;

public static class Text
{
    public static string Shorten(string? s, int max) =>
        string.IsNullOrEmpty(s) || s.Length <= max ? s ?? "" : s[..(max - 1)].TrimEnd() + "…";
}
