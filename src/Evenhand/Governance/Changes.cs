using Evenhand.Common;
using System.Globalization;

namespace Evenhand.Governance;

/// <summary>Free text as stored: trimmed, and null when blank.</summary>
internal static class Text
{
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>Assigns a register record's fields and lists, in words, the ones that changed (the record's history).</summary>
internal sealed class Changes
{
    private readonly List<string> list = [];

    public IReadOnlyList<string> List => list;

    public void Set<T>(string what, T before, T after, Action<T> assign)
    {
        if (!EqualityComparer<T>.Default.Equals(before, after))
        {
            list.Add($"{what}: {Show(before)} → {Show(after)}");
            assign(after);
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "(none)",
        bool b => b ? "yes" : "no",
        DateOnly day => Format.Date(day),
        RepresentationItem i => VisibleRepresentation.Describe(i),
        RepresentationDecision d => VisibleRepresentation.Describe(d),
        ContactSource s => PoliticalContact.Describe(s),
        ContactChannel c => PoliticalContact.Describe(c),
        ContactKind k => PoliticalContact.Describe(k),
        EventCategory c => PolicedEvent.Describe(c),
        AttendanceReason a => PolicedEvent.Describe(a),
        AdvisoryGroupType t => AdvisoryGroup.Describe(t),
        ChairKind k => AdvisoryGroup.Describe(k),
        ProtectedCharacteristic c => EqualityImpactAssessment.Describe(c),
        NpccCriteria c => $"{Enum.GetValues<NpccCriteria>().Count(f => f is not (NpccCriteria.None or NpccCriteria.All) && c.HasFlag(f))} of 10",
        Enum e => e.ToString(),
        string s when s.Length > 60 => s[..57] + "…",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
