using System.Text;
using Evenhand.Forces;
using Evenhand.Governance;
using Evenhand.HateIncidents;
using Evenhand.HateIncidents.Rules;
using Evenhand.Inspections;
using Evenhand.MyWork;
using Evenhand.Responses;

namespace Evenhand.Common;

/// <summary>
/// The one place that turns a code people should never see ("InProgress", "nchi-with-personal-data", "code-2023") into the
/// words they should ("In progress", "NCHI with personal data", the rule set's name). Pages, emails and the CLI ask here;
/// words that a feature also writes into its history (e.g. <see cref="ForceResponse.Describe(ForceProgress)"/>) stay beside
/// the feature and are registered here, so each enum has exactly one set of words. A test checks that every enum a page
/// lists has an entry.
/// </summary>
public static class DisplayNames
{
    private static readonly Dictionary<Type, Func<Enum, string>> Names = new()
    {
        // Action plans and section 55
        [typeof(ForceProgress)] = v => ForceResponse.Describe((ForceProgress)v),
        [typeof(ActionStatus)] = v => ForceResponse.Describe((ActionStatus)v),
        [typeof(AssessmentStatus)] = v => ForceResponse.Describe((AssessmentStatus)v),
        [typeof(EvidenceKind)] = v => (EvidenceKind)v switch { EvidenceKind.Text => "Statement", EvidenceKind.Link => "Link", _ => "File" },
        [typeof(Section55ComplianceFilter)] = v => (Section55ComplianceFilter)v switch
        {
            Section55ComplianceFilter.Published => "Published",
            Section55ComplianceFilter.NotYetPublished => "Not yet published",
            Section55ComplianceFilter.Late => "Late",
            Section55ComplianceFilter.CopiesMissing => "Published, copies not recorded",
            _ => "All forces",
        },
        [typeof(InspectionType)] = v => (InspectionType)v switch
        {
            InspectionType.ForceSpecific => "Force-specific",
            InspectionType.NationalThematic => "National thematic",
            InspectionType.FollowUp => "Follow-up",
            _ => "Partner",
        },
        [typeof(LocalPolicingBodyType)] = v => (LocalPolicingBodyType)v switch
        {
            LocalPolicingBodyType.PoliceAndCrimeCommissioner => "Police and crime commissioner",
            LocalPolicingBodyType.PoliceFireAndCrimeCommissioner => "Police, fire and crime commissioner",
            LocalPolicingBodyType.Mayor => "Mayor",
            _ => "Police authority",
        },

        // Hate incidents
        [typeof(AssessmentOutcome)] = v => (AssessmentOutcome)v switch
        {
            AssessmentOutcome.HateCrime => "Hate crime",
            AssessmentOutcome.Nchi => "NCHI",
            AssessmentOutcome.NchiWithPersonalData => "NCHI with personal data",
            _ => "No record",
        },
        [typeof(SpecialistReview)] = v => ((SpecialistReview)v).Describe(),
        [typeof(IncidentStatus)] = v => (IncidentStatus)v switch
        {
            IncidentStatus.Recorded => "Recorded, not assessed",
            IncidentStatus.Assessed => "Assessed",
            IncidentStatus.AwaitingReview => "Awaiting specialist review",
            IncidentStatus.Finalised => "Finalised",
            _ => "Closed",
        },
        [typeof(ReportChannel)] = v => (ReportChannel)v switch
        {
            ReportChannel.Phone => "Phone",
            ReportChannel.Online => "Online",
            ReportChannel.InPerson => "In person",
            _ => "Third party",
        },
        [typeof(PerceivedBy)] = v => (PerceivedBy)v switch
        {
            PerceivedBy.ThirdParty => "A third party",
            PerceivedBy.Complainant => "The complainant",
            PerceivedBy.Witness => "A witness",
            PerceivedBy.Officer => "A police officer or member of staff",
            _ => "Someone else",
        },

        // Governance registers
        [typeof(RiskLevel)] = v => v.ToString(),
        [typeof(IssueStatus)] = v => v.ToString(),
        [typeof(AdvisoryGroupType)] = v => AdvisoryGroup.Describe((AdvisoryGroupType)v),
        [typeof(ChairKind)] = v => Label(AdvisoryGroup.Describe((ChairKind)v)),
        [typeof(VettingDecision)] = v => (VettingDecision)v == VettingDecision.Vetted ? "Vetted" : "Not vetted",
        [typeof(NetworkScope)] = v => (NetworkScope)v == NetworkScope.Local ? "Local" : "National network's local branch",
        [typeof(NpccCriteria)] = v => StaffNetwork.Describe((NpccCriteria)v),
        [typeof(FundingDecision)] = v => v.ToString(),
        [typeof(ProtectedCharacteristic)] = v => Label(EqualityImpactAssessment.Describe((ProtectedCharacteristic)v)),
        [typeof(EqualityImpact)] = v => (EqualityImpact)v == EqualityImpact.NotAssessed ? "Not assessed" : v.ToString(),
        [typeof(ContactSource)] = v => PoliticalContact.Describe((ContactSource)v),
        [typeof(ContactChannel)] = v => PoliticalContact.Describe((ContactChannel)v),
        [typeof(ContactKind)] = v => PoliticalContact.Describe((ContactKind)v),
        [typeof(EventCategory)] = v => PolicedEvent.Describe((EventCategory)v),
        [typeof(AttendanceReason)] = v => PolicedEvent.Describe((AttendanceReason)v),
        [typeof(RepresentationItem)] = v => Label(VisibleRepresentation.Describe((RepresentationItem)v)),
        [typeof(RepresentationDecision)] = v => VisibleRepresentation.Describe((RepresentationDecision)v),

        // Reminders and administration
        [typeof(ReminderPreference)] = v => (ReminderPreference)v switch
        {
            ReminderPreference.Digest => "One email a day, listing what became due or overdue",
            ReminderPreference.Immediate => "The daily email, and an email at once when something is assigned to you",
            _ => "No emails",
        },
        [typeof(OutboxStatus)] = v => v.ToString(),
        [typeof(JobRunOutcome)] = v => v.ToString(),
    };

    /// <summary>The enums that have words here.</summary>
    public static IReadOnlyCollection<Type> Known => Names.Keys;

    /// <summary>The words for <paramref name="value"/>.</summary>
    public static string For<T>(T value) where T : struct, Enum => For((Enum)value);

    /// <summary>The words for <paramref name="value"/>, or <paramref name="none"/> when there is no value.</summary>
    public static string For<T>(T? value, string none) where T : struct, Enum => value is { } v ? For(v) : none;

    /// <summary>
    /// The words for <paramref name="value"/>. An enum with no entry (a bug the tests look for) gets its name split into
    /// words ("NotYetPublished" → "Not yet published") rather than failing the page.
    /// </summary>
    public static string For(Enum value) =>
        Names.TryGetValue(value.GetType(), out var name) ? name(value) : Words(value.ToString());

    /// <summary>A hate-incident outcome key as stored ("nchi-with-personal-data"); null means not yet assessed.</summary>
    public static string Outcome(string? key)
    {
        if (key is null)
        {
            return "Not assessed";
        }

        foreach (var outcome in Enum.GetValues<AssessmentOutcome>())
        {
            if (outcome.ToKey() == key)
            {
                return For(outcome);
            }
        }

        return key;
    }

    /// <summary>An assessment rule set's name and version ("Home Office NCHI Code of Practice (2023) and College of Policing APP, version 1.0"), not its id.</summary>
    public static string RuleSet(string? id) =>
        RuleSetRegistry.TryGet(id, out var rs) ? $"{rs.Name}, version {rs.Version}" : id ?? "";

    /// <summary>Words written for the middle of a sentence ("a police officer"), as a label ("A police officer").</summary>
    private static string Label(string words) => words.Length == 0 ? words : char.ToUpperInvariant(words[0]) + words[1..];

    /// <summary>"NotYetPublished" → "Not yet published".</summary>
    internal static string Words(string identifier)
    {
        var text = new StringBuilder(identifier.Length + 4);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (i > 0 && char.IsUpper(c))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
