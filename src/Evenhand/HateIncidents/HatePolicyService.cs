using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Data;
using Evenhand.HateIncidents.Codes;
using Microsoft.EntityFrameworkCore;

namespace Evenhand.HateIncidents;

public sealed record UpdateHatePolicyOptions(Guid Version, HatePolicySettings Settings);

/// <summary>A force's hate-incident policy (recommendations 16 and 20) and its legacy code mapping (recommendation 17).</summary>
public sealed class HatePolicyService(EvenhandDbContext db)
{
    /// <summary>The force's policy, or the Code's defaults (not saved) when it has not written one.</summary>
    public async Task<ForceHatePolicy> GetAsync(int forceId, CancellationToken ct = default) =>
        await db.HatePolicies.AsNoTracking().SingleOrDefaultAsync(p => p.ForceId == forceId, ct) ?? ForceHatePolicy.Default(forceId);

    public async Task<ForceHatePolicy> UpdateAsync(int forceId, UpdateHatePolicyOptions o, ProcessContext ctx, CancellationToken ct = default)
    {
        var policy = await db.HatePolicies.SingleOrDefaultAsync(p => p.ForceId == forceId, ct);
        object? before = null;
        if (policy is null)
        {
            policy = ForceHatePolicy.Default(forceId);
            db.HatePolicies.Add(policy);
        }
        else
        {
            policy.EnsureVersion(o.Version);
            before = Snapshot(policy);
        }

        policy.Update(o.Settings, ctx);
        await db.SaveAuditedAsync(policy, before is null ? "Created" : "Updated", Audit, before, ctx, ct);
        return policy;
    }

    // The policy is the force's own: its audit entries carry the force's id as the record's.
    private static readonly AuditShape<ForceHatePolicy> Audit = new(nameof(ForceHatePolicy), p => p.ForceId, p => p.ForceId, Snapshot);

    public Task<List<LegacyCodeMapping>> ListLegacyCodesAsync(int forceId, CancellationToken ct = default) =>
        db.LegacyCodeMappings.AsNoTracking().Where(m => m.ForceId == forceId).OrderBy(m => m.LegacyCode).ToListAsync(ct);

    /// <summary>
    /// Replaces the force's legacy code mapping with the CSV's. The whole file is checked first; any bad row is reported with
    /// its line number and nothing is stored. The replacement is one transaction.
    /// </summary>
    /// <summary>The force's stored legacy code mapping.</summary>
    public async Task<LegacyCodeMap> LegacyCodeMapAsync(int forceId, CancellationToken ct = default) =>
        LegacyCodeMap.From((await ListLegacyCodesAsync(forceId, ct)).Select(m => (m.LegacyCode, m.Code)));

    public async Task<int> ImportLegacyCodesAsync(int forceId, string csvText, string fileName, ProcessContext ctx, CancellationToken ct = default)
    {
        var map = LegacyCodeMap.Parse(csvText, $"'{fileName}'");
        // Deletes go first within SaveChanges only per table order; save them first inside one transaction so re-used codes do not clash.
        await db.InTransactionAsync(async ct =>
        {
            var existing = await db.LegacyCodeMappings.Where(m => m.ForceId == forceId).ToListAsync(ct);
            db.LegacyCodeMappings.RemoveRange(existing);
            await db.SaveChangesAsync(ct);
            foreach (var (legacy, code) in map.Entries)
            {
                db.LegacyCodeMappings.Add(new LegacyCodeMapping { ForceId = forceId, LegacyCode = legacy.Trim(), Code = code.Code });
            }

            AuditLog.Record(db, ctx, "Imported", nameof(LegacyCodeMapping), forceId, forceId,
                new { Mappings = existing.Count }, new { Mappings = map.Count, File = fileName });
            await db.SaveChangesAsync(ct);
        }, ct);
        return map.Count;
    }

    private static object Snapshot(ForceHatePolicy p) => new
    {
        Assessors = p.Assessors.ToString(),
        p.ReviewTargetHours,
        p.AdditionalCharacteristics,
        p.RetentionReviewMonths,
        p.TellSubject,
        p.TellSubjectWithinDays,
        p.SubjectReplyDays,
        p.CallTakersMaySeePersonalData,
        p.RuleSetId,
        p.RuleSetFrom,
    };
}
