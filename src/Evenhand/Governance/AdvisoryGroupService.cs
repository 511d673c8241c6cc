using Evenhand.Common;
using Evenhand.Data;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.Governance;

/// <summary>The register of advisory groups and their members (recommendation 15), with the force's limits.</summary>
public sealed class AdvisoryGroupService(EvenhandDbContext db, TimeProvider time) : GovernanceRegister(db, time), IEvidenceSource
{
    public const string Type = "AdvisoryGroup";
    public const string Register = "governance/advisory-groups";

    protected override string RecordType => Type;

    private IQueryable<AdvisoryGroup> OfForce(int forceId) =>
        Db.AdvisoryGroups.Where(g => g.ForceId == forceId).Include(g => g.Members).Include(g => g.Meetings);

    /// <summary>The force's limits (the defaults until it sets its own; nothing is stored until then).</summary>
    public async Task<GovernanceSettings> SettingsAsync(int forceId, CancellationToken ct = default) =>
        await Db.GovernanceSettings.SingleOrDefaultAsync(s => s.ForceId == forceId, ct) ?? new GovernanceSettings { ForceId = forceId };

    public async Task<GovernanceSettings> UpdateSettingsAsync(int forceId, Guid version, int? torMonths, int? tenureYears, ProcessContext ctx, CancellationToken ct = default)
    {
        var settings = await SettingsAsync(forceId, ct);
        settings.EnsureVersion(version);
        var changes = settings.Apply(torMonths, tenureYears);
        if (changes.Count > 0)
        {
            if (settings.Id == 0)
            {
                Db.GovernanceSettings.Add(settings);
            }

            Auditing.AuditLog.Record(Db, ctx, "SettingsChanged", nameof(GovernanceSettings), forceId, forceId, null, new { torMonths, tenureYears });
            await Db.SaveOrConflictAsync(ct);
        }

        return settings;
    }

    public async Task<IReadOnlyList<AdvisoryGroup>> AllAsync(int forceId, CancellationToken ct = default) =>
        await OfForce(forceId).AsNoTracking().OrderBy(g => g.Type).ThenBy(g => g.Name).ThenBy(g => g.Id).ToListAsync(ct);

    public async Task<AdvisoryGroup> GetAsync(int forceId, int id, CancellationToken ct = default) =>
        await OfForce(forceId).SingleOrDefaultAsync(g => g.Id == id, ct)
        ?? throw new NotFoundException("There is no such advisory group in this force's register.");

    public async Task<AdvisoryGroup> CreateAsync(int forceId, AdvisoryGroupDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var group = await AddRecordAsync(() => AdvisoryGroup.Create(forceId, details, Time.Today()), forceId, g => g.Id, Snapshot, ctx, ct);
        return group;
    }

    public async Task<AdvisoryGroup> UpdateAsync(int forceId, int id, Guid version, AdvisoryGroupDetails details, ProcessContext ctx, CancellationToken ct = default) =>
        await UpdateRecordAsync(await GetAsync(forceId, id, ct), forceId, id, version, r => r.Apply(details, Time.Today()), Snapshot, ctx, ct);

    public async Task<AdvisoryGroupMember> AddMemberAsync(int forceId, int id, Guid version, MemberDetails details, ProcessContext ctx, CancellationToken ct = default)
    {
        var group = await GetAsync(forceId, id, ct);
        group.EnsureVersion(version);
        var member = group.AddMember(details, Time.Today());
        await SaveChangeAsync(forceId, id, "MemberAdded",
            $"Member added: {member.Name}, joined {Format.Date(member.JoinedOn)}, " + (member.Vetting == VettingDecision.Vetted ? "vetted" : $"not vetted ({member.Mitigations}): {member.VettingRationale}"),
            null, new { member.Name, member.JoinedOn, Vetting = member.Vetting.ToString(), member.Mitigations }, ctx, ct);
        return member;
    }

    /// <summary>Changes a member's details or records that they left; the group's history says what changed.</summary>
    public async Task<AdvisoryGroupMember> ChangeMemberAsync(int forceId, int id, Guid version, int memberId, MemberDetails details, DateOnly? leftOn, ProcessContext ctx,
        CancellationToken ct = default)
    {
        var group = await GetAsync(forceId, id, ct);
        group.EnsureVersion(version);
        var member = group.Members.FirstOrDefault(m => m.Id == memberId) ?? throw new NotFoundException("There is no such member of this group.");
        var before = MemberSnapshot(member);
        var changes = group.ChangeMember(memberId, details, leftOn, Time.Today());
        if (changes.Count > 0)
        {
            var action = member.LeftOn is not null && before.LeftOn is null ? "MemberLeft" : "MemberChanged";
            await SaveChangeAsync(forceId, id, action, $"Member {member.Name}: " + string.Join("; ", changes), before, MemberSnapshot(member), ctx, ct);
        }

        return member;
    }

    private static MemberFields MemberSnapshot(AdvisoryGroupMember m) =>
        new(m.Id, m.Name, m.JoinedOn, m.LeftOn, m.Vetting.ToString(), m.Mitigations);

    private sealed record MemberFields(int Id, string Name, DateOnly JoinedOn, DateOnly? LeftOn, string Vetting, string Mitigations);

    public async Task<AdvisoryMeeting> AddMeetingAsync(int forceId, int id, Guid version, DateOnly? heldOn, bool minutes, string? youSaid, string? weDid, ProcessContext ctx, CancellationToken ct = default)
    {
        var group = await GetAsync(forceId, id, ct);
        group.EnsureVersion(version);
        var meeting = group.AddMeeting(heldOn, minutes, youSaid, weDid, Time.Today());
        await SaveChangeAsync(forceId, id, "MeetingAdded",
            $"Meeting of {Format.Date(meeting.HeldOn)} recorded ({(meeting.MinutesRecorded ? "minutes kept" : "no minutes")})" + (meeting.YouSaid is null ? "" : $"; you said: {meeting.YouSaid}") + (meeting.WeDid is null ? "" : $"; we did: {meeting.WeDid}"),
            null, new { meeting.HeldOn, meeting.MinutesRecorded, Raised = meeting.YouSaid is not null, Answered = meeting.WeDid is not null }, ctx, ct);
        return meeting;
    }

    /// <summary>Changes a meeting's record; the group's history says what changed.</summary>
    public async Task<AdvisoryMeeting> ChangeMeetingAsync(int forceId, int id, Guid version, int meetingId, DateOnly? heldOn, bool minutes, string? youSaid, string? weDid,
        ProcessContext ctx, CancellationToken ct = default)
    {
        var group = await GetAsync(forceId, id, ct);
        group.EnsureVersion(version);
        var meeting = group.Meetings.FirstOrDefault(m => m.Id == meetingId) ?? throw new NotFoundException("There is no such meeting of this group.");
        var before = new { meeting.Id, meeting.HeldOn, meeting.MinutesRecorded, Raised = meeting.YouSaid is not null, Answered = meeting.WeDid is not null };
        var changes = group.ChangeMeeting(meetingId, heldOn, minutes, youSaid, weDid, Time.Today());
        if (changes.Count > 0)
        {
            await SaveChangeAsync(forceId, id, "MeetingChanged", $"Meeting of {Format.Date(meeting.HeldOn)}: " + string.Join("; ", changes), before,
                new { meeting.Id, meeting.HeldOn, meeting.MinutesRecorded, Raised = meeting.YouSaid is not null, Answered = meeting.WeDid is not null }, ctx, ct);
        }

        return meeting;
    }

    public async Task<AdvisoryMeeting> RecordFeedbackAsync(int forceId, int id, Guid version, int meetingId, string? weDid, ProcessContext ctx, CancellationToken ct = default)
    {
        var group = await GetAsync(forceId, id, ct);
        group.EnsureVersion(version);
        var meeting = group.RecordFeedback(meetingId, weDid, Time.Today());
        await SaveChangeAsync(forceId, id, "FeedbackRecorded", $"We did (meeting of {Format.Date(meeting.HeldOn)}): {meeting.WeDid}", null, new { meetingId }, ctx, ct);
        return meeting;
    }


    /// <summary>Recommendation 15: groups with current terms of reference, an independent chair, and every member within tenure.</summary>
    /// <inheritdoc/>
    public IReadOnlyCollection<int> Recommendations { get; } = [15];

    public async Task<IReadOnlyList<EvidenceIndicator>> IndicatorsAsync(int forceId, DateOnly today, CancellationToken ct = default)
    {
        var limits = await SettingsAsync(forceId, ct);
        // Only the values the measures need (the entity's rules applied to them here), and the meetings counted in the database.
        var groups = await Db.AdvisoryGroups.AsNoTracking().Where(g => g.ForceId == forceId)
            .Select(g => new
            {
                g.TermsOfReferenceReviewedOn,
                Independent = g.ChairKind == ChairKind.Independent,
                Joined = g.Members.Where(m => m.LeftOn == null).Select(m => m.JoinedOn).ToList(),
                Raised = g.Meetings.Count(m => m.YouSaid != null),
                Answered = g.Meetings.Count(m => m.YouSaid != null && m.WeDid != null),
            })
            .ToListAsync(ct);
        var raised = groups.Sum(g => g.Raised);
        return
        [
            new(15, "Advisory groups with current terms of reference, an independent chair and every member within tenure",
                EvidenceIndicator.Share(groups.Count(g => !AdvisoryGroup.TermsOfReferenceOutOfDate(g.TermsOfReferenceReviewedOn, today, limits) && g.Independent
                    && !g.Joined.Any(j => AdvisoryGroup.PastTenure(j, today, limits))), groups.Count),
                groups.Count, Register),
            new(15, "Matters raised by advisory groups that have had feedback (\u201cyou said, we did\u201d)",
                EvidenceIndicator.Share(groups.Sum(g => g.Answered), raised), raised, Register),
        ];
    }

    private static object Snapshot(AdvisoryGroup g) => new
    {
        g.Name, Type = g.Type.ToString(), g.TermsOfReferenceReviewedOn, g.Chair, ChairKind = g.ChairKind.ToString(), g.Payments, Members = g.Members.Count,
    };
}
