namespace Evenhand.Web.Infrastructure;

/// <summary>
/// A GOV.UK textarea for <c>&lt;partial name="_Textarea" model="…" /&gt;</c> where <c>asp-for</c> cannot name the field
/// (dictionary entries, loops): label, hint, the field's error from model state, and the value as typed.
/// </summary>
public sealed record TextareaField(string Name, string Label, string? Value, string? Hint = null, int Rows = 5, bool Disabled = false, string LabelClass = "govuk-label--s")
{
    public string Id => Microsoft.AspNetCore.Mvc.Rendering.TagBuilder.CreateSanitizedId(Name, "_");
}
