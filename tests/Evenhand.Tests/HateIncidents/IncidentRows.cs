using System.Linq.Expressions;
using System.Reflection;
using Evenhand.HateIncidents;

namespace Evenhand.Tests.HateIncidents;

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
}
