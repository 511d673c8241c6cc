using System.Linq.Expressions;
using System.Reflection;
using Evenhand.HateIncidents;

namespace Evenhand.Tests.Infrastructure;

/// <summary>
/// Stored rows for query tests (analysis, case-file samples). Those tests need rows with exact times and states, as a database
/// fixture would hold them; the workflow stamps its own clock and history on everything, so they write the columns directly.
/// Product code cannot do this: <see cref="HateIncident"/> has no public setters, and the demo data goes through its methods.
/// </summary>
internal static class IncidentRows
{
    public static HateIncident New() => (HateIncident)Activator.CreateInstance(typeof(HateIncident), nonPublic: true)!;

    public static HateIncident Set<TValue>(this HateIncident incident, Expression<Func<HateIncident, TValue>> property, TValue value)
    {
        var member = (PropertyInfo)((MemberExpression)property.Body).Member;
        member.SetValue(incident, value);
        return incident;
    }

    /// <summary>Adds rows to one of the incident's collections (People, History), which have no setter, through its backing field.</summary>
    public static HateIncident AddRows<TRow>(this HateIncident incident, Expression<Func<HateIncident, IReadOnlyList<TRow>>> collection, params TRow[] rows)
    {
        var name = ((MemberExpression)collection.Body).Member.Name;
        var field = typeof(HateIncident).GetField(char.ToLowerInvariant(name[0]) + name[1..], BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"HateIncident has no backing field for {name}.");
        ((List<TRow>)field.GetValue(incident)!).AddRange(rows);
        return incident;
    }
}
