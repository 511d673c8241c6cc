using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

/// <summary>
/// Synthetic governance registers for the demo forces, made by code with a fixed seed per force: realistic enough that the
/// flags and indicators have something to say (some reviews overdue, some assessments incomplete or by untrained assessors).
/// Only fills a force's registers when they are empty.
/// </summary>
public static class GovernanceDemoData
{
    private static readonly (string Title, bool EqualityAct)[] Policies =
    [
        ("Stop and search", true), ("Use of force", true), ("Recruitment and selection", true), ("Promotion and progression", true),
        ("Flexible working", true), ("Maternity, paternity and adoption leave", true), ("Reasonable adjustments", true),
        ("Grievance resolution", true), ("Dress code and appearance", true), ("Visible representations on uniform", true),
        ("Hate crime and non-crime hate incidents", true), ("Domestic abuse", true), ("Custody and detention", true),
        ("Interpreters and translation", true), ("Religious observance at work", true), ("Transgender colleagues", true),
        ("Menopause in the workplace", true), ("Staff networks and support associations", true), ("Independent advisory groups", true),
        ("Protest and public order", true), ("Attendance management", true), ("Vetting", true), ("Social media use", true),
        ("Business interests and secondary employment", false), ("Gifts and hospitality", false), ("Information security", false),
        ("Vehicle fleet management", false), ("Procurement", false), ("Records retention", false), ("Firearms licensing", false),
        ("Missing persons", true), ("Mental health and policing", true),
    ];

    private static readonly string[] Owners =
    [
        "Head of People", "Head of Professional Standards", "Superintendent, Operations", "Head of Legal Services",
        "Chief Inspector, Neighbourhoods", "Head of Equality, Diversity and Inclusion", "Head of Corporate Services",
    ];

    private static readonly (RepresentationItem Item, string Description, string Cause, RepresentationDecision Decision, string Rationale)[] Representations =
    [
        (RepresentationItem.Lanyard, "Rainbow lanyard", "LGBT+ inclusion", RepresentationDecision.NotPermitted,
            "Uniformed staff wear the force lanyard only: a lanyard for one cause invites questions about impartiality from the public we serve."),
        (RepresentationItem.Badge, "Poppy", "Remembrance", RepresentationDecision.PermittedForPeriod,
            "A long-standing national observance with broad public support; worn for the Remembrance period only."),
        (RepresentationItem.Badge, "Staff network membership pin", "Staff support networks", RepresentationDecision.Permitted,
            "Shows support available to colleagues; worn off the front line only."),
        (RepresentationItem.Patch, "Thin blue line patch", "Police memorial", RepresentationDecision.NotPermitted,
            "Not part of the approved uniform; some communities read it as a political symbol."),
        (RepresentationItem.Flag, "Pride flag on headquarters", "Pride month", RepresentationDecision.PermittedForPeriod,
            "Flown on the force's own building for the agreed period, as with other recognised observances, after a community impact assessment."),
        (RepresentationItem.DigitalBadge, "Email signature campaign logos", "Various campaigns", RepresentationDecision.NotPermitted,
            "Email signatures carry the force's name and contact details only, so that no cause appears endorsed by the force."),
        (RepresentationItem.VehicleLivery, "Autism awareness livery", "Autism awareness", RepresentationDecision.PermittedForPeriod,
            "One marked vehicle for the awareness week, linked to the force's work with autistic people in custody."),
        (RepresentationItem.Badge, "Trauma risk management (TRiM) practitioner badge", "Wellbeing", RepresentationDecision.Permitted,
            "A role badge that tells colleagues who to approach; it represents no cause."),
    ];

    private static readonly (ContactSource Source, ContactKind Kind, string Asked)[] ContactKinds =
    [
        (ContactSource.PccOffice, ContactKind.RequestForInformation, "Asked for the number of officers deployed to last weekend's protest and the cost of the operation."),
        (ContactSource.PccOffice, ContactKind.AccountabilityAfterTheEvent, "Asked the chief constable to explain at the next accountability board why a march was allowed to pass the town hall."),
        (ContactSource.PccOffice, ContactKind.AttemptToDirectInAdvance, "Asked that officers be told not to attend Saturday's counter-protest."),
        (ContactSource.Councillor, ContactKind.RequestForInformation, "Asked for crime figures for the ward ahead of a residents' meeting."),
        (ContactSource.MemberOfParliament, ContactKind.AccountabilityAfterTheEvent, "Wrote on behalf of a constituent about how a protest arrest was handled."),
        (ContactSource.MemberOfParliament, ContactKind.AttemptToDirectInAdvance, "Asked the force to ban next month's demonstration."),
        (ContactSource.Minister, ContactKind.RequestForInformation, "Asked, through officials, for the force's assessment of community tension after an incident abroad."),
        (ContactSource.Other, ContactKind.RequestForInformation, "A council leader's office asked for the policing plan for a festival."),
    ];

    private static readonly (string Issue, RiskLevel Risk, bool Prepared, IssueStatus Status)[] Issues =
    [
        ("Protests and counter-protests about the conflict in the Middle East", RiskLevel.High, true, IssueStatus.Open),
        ("Campaigns against new housing on green belt land", RiskLevel.Medium, true, IssueStatus.Monitoring),
        ("Climate protests at the oil terminal", RiskLevel.High, false, IssueStatus.Open),
        ("Debate on sex and gender identity at a university event", RiskLevel.Medium, false, IssueStatus.Open),
        ("Asylum accommodation in a local hotel", RiskLevel.High, true, IssueStatus.Open),
        ("Pride march route change", RiskLevel.Low, true, IssueStatus.Closed),
    ];

    private static readonly string[] Assessors = ["A. Patel", "J. Morgan", "S. Clarke", "R. Evans", "K. Hughes", "M. Okafor"];

    private static GovernanceHistoryEntry Added(int forceId, string type, int id, ProcessContext ctx) =>
        new() { ForceId = forceId, RecordType = type, RecordId = id, At = ctx.Now, By = ctx.UserName, Change = "Added to the register (demo data)" };

    public static async Task EnsureAsync(EvenhandDbContext db, IReadOnlyList<int> forceIds, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var today = time.Today();
        var ctx = ProcessContext.System(time, "Demo data");
        foreach (var forceId in forceIds)
        {
            if (await db.PolicyDocuments.AnyAsync(p => p.ForceId == forceId, ct))
            {
                continue;
            }

            var rng = new Random(7919 * forceId);
            var policies = new List<PolicyDocument>();
            for (var i = 0; i < Policies.Length; i++)
            {
                var (title, equality) = Policies[i];
                var interval = rng.NextDouble() < 0.6 ? 24 : 12;
                // Most were reviewed within their interval; about one in five is overdue, and one or two never reviewed.
                DateOnly? last = rng.NextDouble() < 0.05 ? null
                    : today.AddDays(-rng.Next(30, rng.NextDouble() < 0.2 ? interval * 31 + 400 : interval * 30 - 10));
                var policy = PolicyDocument.Create(forceId, new PolicyDetails(title, $"POL-{100 + i}", Owners[rng.Next(Owners.Length)], equality, last, interval, null), today, ctx);
                if (equality && last is { } reviewed && rng.NextDouble() < 0.85)
                {
                    var trained = rng.NextDouble() < 0.7;
                    var complete = rng.NextDouble() < 0.65;
                    var lines = Enum.GetValues<ProtectedCharacteristic>()
                        .Select((c, k) => complete || k % 3 != 0
                            ? new CharacteristicAssessment(c, k % 4 == 0 ? EqualityImpact.Positive : EqualityImpact.Neutral,
                                $"Considered the policy's effect on {EqualityImpactAssessment.Describe(c)}; workforce and community data reviewed.")
                            : new CharacteristicAssessment(c, EqualityImpact.Neutral, null))
                        .ToList();
                    policy.AddAssessment(new EiaDetails(reviewed, Assessors[rng.Next(Assessors.Length)],
                        trained ? reviewed.AddDays(-rng.Next(30, 900)) : null, lines), today, ctx);
                }

                policies.Add(policy);
            }

            var representations = Representations.Select((r, k) =>
            {
                var decided = today.AddDays(-rng.Next(20, 500));
                var (from, to) = r.Decision == RepresentationDecision.PermittedForPeriod ? (today.AddDays(-10 + (k * 40)), today.AddDays(4 + (k * 40))) : ((DateOnly?)null, (DateOnly?)null);
                return VisibleRepresentation.Create(forceId, new RepresentationDetails(r.Item, r.Description, r.Cause, r.Decision, from, to,
                    r.Decision == RepresentationDecision.NotPermitted ? null : "Not with public order or protest duties.",
                    "Deputy Chief Constable", decided, r.Rationale, decided.AddMonths(rng.NextDouble() < 0.25 ? 6 : 24)), today);
            }).ToList();

            // About 40 contacts over the last year, most from the PCC's office and most requests for information.
            var contacts = Enumerable.Range(0, 40).Select(_ =>
            {
                var k = rng.NextDouble() < 0.55 ? rng.Next(0, 2) : rng.Next(0, ContactKinds.Length);
                var (source, kind, asked) = ContactKinds[k];
                var directing = kind == ContactKind.AttemptToDirectInAdvance;
                var escalated = directing && rng.NextDouble() < 0.75;
                return PoliticalContact.Create(forceId, new ContactDetails(today.AddDays(-rng.Next(0, 365)), source, null,
                    (ContactChannel)rng.Next(0, 4), asked, kind,
                    directing ? "Told that operational decisions are the chief constable's; the request was noted and not acted on." : "Information provided.",
                    escalated, escalated ? "Deputy Chief Constable" : null), today);
            }).ToList();

            db.PolicyDocuments.AddRange(policies);
            db.VisibleRepresentations.AddRange(representations);
            db.PoliticalContacts.AddRange(contacts);
            var issues = Issues.Select(i => ContentiousIssue.Create(forceId, new IssueDetails(i.Issue, today.AddDays(-rng.Next(10, 300)), i.Risk,
                "Community tension assessed with partners; likely to need policing of public events and questions to the force.",
                i.Prepared || i.Status == IssueStatus.Closed ? "The force polices impartially to protect everyone's right to lawful protest and to keep the peace." : null,
                i.Prepared ? "We police without fear or favour; we do not take sides on the issue itself." : null, i.Status), today)).ToList();
            db.ContentiousIssues.AddRange(issues);
            var events = new (string Name, EventCategory Category, bool Contentious, AttendanceReason Attendance)[]
            {
                ("Pride parade", EventCategory.CulturalCelebration, true, AttendanceReason.PublicSafetyDeployment),
                ("Pride parade: staff network marching", EventCategory.CulturalCelebration, true, AttendanceReason.VoluntaryPersonalAttendance),
                ("Demonstration and counter-demonstration on the conflict in the Middle East", EventCategory.Protest, true, AttendanceReason.PublicSafetyDeployment),
                ("Remembrance Sunday parade", EventCategory.Commemoration, false, AttendanceReason.EngagementDeployment),
                ("Climate march to the oil terminal", EventCategory.Protest, true, AttendanceReason.PublicSafetyDeployment),
                ("Mela in the park", EventCategory.CulturalCelebration, false, AttendanceReason.EngagementDeployment),
                ("Derby match", EventCategory.Sport, false, AttendanceReason.PublicSafetyDeployment),
                ("Vigil after a hate crime", EventCategory.Community, true, AttendanceReason.EngagementDeployment),
                ("Rally on asylum accommodation", EventCategory.Protest, true, AttendanceReason.PublicSafetyDeployment),
            }.Select((e, k) =>
            {
                var starts = today.AddDays(-rng.Next(5, 330));
                var told = !e.Contentious || rng.NextDouble() < 0.7;
                var ev = PolicedEvent.Create(forceId, new EventDetails(e.Name, e.Category, starts, starts.AddDays(k % 3 == 0 ? 1 : 0), e.Contentious, e.Attendance,
                    e.Attendance == AttendanceReason.VoluntaryPersonalAttendance ? "Officers and staff may march in their own time, in their own clothes." : "Keep people safe and keep the peace; the force takes no side on the cause.",
                    told ? "Published on the force website and social media before the event." : null, told ? "Briefed to all officers and staff on the intranet." : null,
                    e.Attendance == AttendanceReason.VoluntaryPersonalAttendance ? "Own clothes; no uniform or force insignia." : "Standard uniform; no badges or lanyards of any cause.",
                    e.Attendance != AttendanceReason.VoluntaryPersonalAttendance, e.Attendance != AttendanceReason.VoluntaryPersonalAttendance));
                if (ev.EndsOn.AddDays(20) < today && rng.NextDouble() < 0.7)
                {
                    ev.RecordReview(new LearningReviewDetails(ev.EndsOn.AddDays(rng.Next(3, 20)), "Event commander",
                        "Low-key style worked; crowd stayed calm.", rng.NextDouble() < 0.2 ? "One complaint that officers favoured one side; reviewed, not upheld." : null,
                        "Brief spotters earlier."), today);
                }

                return ev;
            }).ToList();
            db.PolicedEvents.AddRange(events);
            var groups = new (string Name, AdvisoryGroupType Type, ChairKind Chair, int TorAgeMonths)[]
            {
                ("Independent advisory group", AdvisoryGroupType.IndependentAdvisoryGroup, ChairKind.Independent, 5),
                ("Stop and search scrutiny panel", AdvisoryGroupType.CommunityScrutinyPanel, ChairKind.Independent, 20),
                ("Use of force scrutiny panel", AdvisoryGroupType.CommunityScrutinyPanel, ChairKind.PoliceOfficer, 8),
                ("Ethics committee", AdvisoryGroupType.EthicsCommittee, ChairKind.Independent, 11),
                ("Youth independent advisory group", AdvisoryGroupType.YouthPanel, ChairKind.PccOffice, 3),
            }.Select(g =>
            {
                var group = AdvisoryGroup.Create(forceId, new AdvisoryGroupDetails(g.Name, g.Type, today.AddMonths(-g.TorAgeMonths), "Chair (demo)", g.Chair,
                    "Expenses for travel and childcare; no fees."), today);
                for (var m = 0; m < 6; m++)
                {
                    var vetted = rng.NextDouble() < 0.8;
                    group.AddMember(new MemberDetails($"Member {m + 1} (invented)", today.AddDays(-rng.Next(60, 365 * 9)), vetted ? VettingDecision.Vetted : VettingDecision.NotVetted,
                        !vetted, !vetted, false, vetted ? null : "Community representative who sees no sensitive material; background check and confidentiality agreement instead.",
                        "Induction on the force's work and the Code of Ethics"), today);
                }

                group.AddMeeting(today.AddDays(-90), true, "Asked why stop and search of young black men rose in the town centre.", "Shared the data and the supervisors' review; body-worn video now reviewed by the panel each quarter.", today);
                group.AddMeeting(today.AddDays(-20), rng.NextDouble() < 0.7, "Asked for the force's plan for the summer protests.",
                    rng.NextDouble() < 0.5 ? "Briefed the group on the plan and the community engagement around it." : null, today);
                return group;
            }).ToList();
            db.AdvisoryGroups.AddRange(groups);
            var networks = new (string Name, NetworkScope Scope, ProtectedCharacteristic? Characteristic, decimal Workforce, decimal Population)[]
            {
                ("Black Police Association", NetworkScope.NationalBranch, ProtectedCharacteristic.Race, 2.1m, 7.5m),
                ("Women's network", NetworkScope.Local, ProtectedCharacteristic.Sex, 41m, 51m),
                ("LGBT+ network", NetworkScope.NationalBranch, ProtectedCharacteristic.SexualOrientation, 4.5m, 3.2m),
                ("Disability and carers network", NetworkScope.Local, ProtectedCharacteristic.Disability, 6m, 18m),
                ("Christian Police Association", NetworkScope.NationalBranch, ProtectedCharacteristic.ReligionOrBelief, 40m, 46m),
                ("Muslim Police Association", NetworkScope.NationalBranch, ProtectedCharacteristic.ReligionOrBelief, 1.4m, 6.7m),
            }.Select((n, k) =>
            {
                var criteria = rng.NextDouble() < 0.6 ? NpccCriteria.All : NpccCriteria.All & ~NpccCriteria.ElectedChair & ~NpccCriteria.RecognisesIntersectionality;
                var network = StaffNetwork.Create(forceId, new NetworkDetails(n.Name, n.Scope, n.Characteristic, null, "Chair (demo)", criteria.HasFlag(NpccCriteria.ElectedChair),
                    today.AddMonths(-rng.Next(1, 30)), criteria, 8 + (k * 2), 5000m, Math.Round((decimal)rng.Next(500, 5200), 0)), today);
                var assessed = rng.NextDouble() < 0.7;
                var approved = n.Workforce < n.Population;
                network.AddFundingRequest(new FundingDetails(today.AddDays(-rng.Next(20, 200)), "Annual conference and mentoring scheme", 2500m,
                    assessed ? n.Workforce : null, assessed ? n.Population : null, n.Workforce * 2 < n.Population,
                    assessed ? (approved ? FundingDecision.Approved : FundingDecision.Refused) : FundingDecision.Pending, assessed && approved ? 2000m : null,
                    assessed ? (approved ? "Under-represented locally: funds targeted recruitment and retention." : "Represented in line with the local population: other networks prioritised.") : null), today);
                return network;
            }).ToList();
            db.StaffNetworks.AddRange(networks);
            await db.SaveChangesAsync(ct);
            db.GovernanceHistory.AddRange(policies.Select(p => Added(forceId, PolicyRegisterService.Type, p.Id, ctx))
                .Concat(representations.Select(r => Added(forceId, VisibleRepresentationService.Type, r.Id, ctx)))
                .Concat(contacts.Select(c => Added(forceId, PoliticalContactService.Type, c.Id, ctx)))
                .Concat(issues.Select(i => Added(forceId, ContentiousIssueService.Type, i.Id, ctx)))
                .Concat(events.Select(e => Added(forceId, PolicedEventService.Type, e.Id, ctx)))
                .Concat(groups.Select(g => Added(forceId, AdvisoryGroupService.Type, g.Id, ctx)))
                .Concat(networks.Select(n => Added(forceId, StaffNetworkService.Type, n.Id, ctx))));
            await db.SaveChangesAsync(ct);
        }
    }
}
