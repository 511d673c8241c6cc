namespace Evenhand.Common;

/// <summary>
/// A change's refusals, each against the field it is about (the options or details record's property name, which is the form's), in
/// the order the rules are checked; <see cref="ThrowIfAny"/> refuses the change with all of them at once.
/// </summary>
internal sealed class FieldProblems
{
    private readonly List<FieldError> errors = [];

    public void Add(string field, string message) => errors.Add(new FieldError(field, message));

    /// <summary>
    /// Refuses <paramref name="value"/> when it is longer than the limit declared on <typeparamref name="T"/>'s property of the
    /// same name as <paramref name="field"/> (or <paramref name="property"/> where the form's name differs); <paramref name="what"/>
    /// names it in the message ("The title"). True when refused.
    /// </summary>
    public bool TooLong<T>(string field, string? value, string what, string? property = null)
    {
        var max = TextLimit.Of<T>(property ?? field);
        if (value is null || value.Length <= max)
        {
            return false;
        }

        Add(field, $"{what} must be {max:N0} characters or fewer (this is {value.Length:N0}).");
        return true;
    }

    /// <summary>Whether <paramref name="field"/> has been refused already (a later rule about it would only repeat the point).</summary>
    public bool Has(string field) => errors.Exists(e => e.Field == field);

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
    }
}
