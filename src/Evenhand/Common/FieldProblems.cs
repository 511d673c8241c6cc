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
    /// same name as <paramref name="field"/>; <paramref name="what"/> names it in the message ("The title"). True when refused.
    /// </summary>
    public bool TooLong<T>(string field, string? value, string what)
    {
        var max = TextLimit.Of<T>(field);
        if (value is null || value.Length <= max)
        {
            return false;
        }

        Add(field, $"{what} must be {max:N0} characters or fewer (this is {value.Length:N0}).");
        return true;
    }

    /// <summary>
    /// Refuses each text of <paramref name="details"/> (a change's details record, whose property names are the form's and
    /// the entity's) that is longer than the limit declared on <typeparamref name="T"/>'s property of the same name, unless
    /// that field is refused already. For the free-text fields a rule set does not otherwise name.
    /// </summary>
    public void Lengths<T>(object details)
    {
        ArgumentNullException.ThrowIfNull(details);
        foreach (var property in details.GetType().GetProperties())
        {
            if (property.PropertyType == typeof(string) && TextLimit.Find(typeof(T), property.Name) is { } max &&
                property.GetValue(details) is string { } raw && raw.Trim() is { } text && text.Length > max && !Has(property.Name))
            {
                Add(property.Name, $"{TextLimit.Words(property.Name)} must be {max:N0} characters or fewer (this is {text.Length:N0}).");
            }
        }
    }

    /// <summary>Whether <paramref name="field"/> has been refused already (a later rule about it would only repeat the point).</summary>
    public bool Has(string field) => errors.Exists(e => e.Field == field);

    /// <summary>Refuses the change with every problem found, in the order found or, given <paramref name="fieldOrder"/>, in that order.</summary>
    public void ThrowIfAny(IReadOnlyList<string>? fieldOrder = null)
    {
        if (errors.Count > 0)
        {
            throw new DomainRuleException(fieldOrder is null ? errors : [.. errors.OrderBy(e => IndexOf(fieldOrder, e.Field))]);
        }
    }

    private static int IndexOf(IReadOnlyList<string> order, string field)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == field)
            {
                return i;
            }
        }

        return order.Count;
    }
}
