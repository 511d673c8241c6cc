using Evenhand.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Evenhand.HateIncidents;

// The EF Core mapping of hate incidents, their people, history and supporting records, found by EvenhandDbContext's
// assembly scan. Version columns are concurrency tokens by convention (EvenhandDbContext.OnModelCreating), so they are
// not configured here.

internal sealed class HateIncidentConfiguration : IEntityTypeConfiguration<HateIncident>
{
    public void Configure(EntityTypeBuilder<HateIncident> b)
    {
        b.HasIndex(i => new { i.ForceId, i.Reference }).IsUnique();
        // The incident list, most recent first, read by key: this index holds its order and every column its filters test,
        // so a page (and the count) reads index entries only, whatever the filters (HateIncidentService.PageAsync).
        b.HasIndex(i => new { i.ForceId, i.ReportedAt, i.Id, i.Status, i.Classification, i.Area, i.Reference, i.ReviewDueAt, i.Characteristics })
            .HasDatabaseName("IX_HateIncidents_Force_List");
        // The list by status, the review queue (due soonest first), and the Code's other work falling due by its date.
        b.HasIndex(i => new { i.ForceId, i.Status, i.ReportedAt, i.Id }).HasDatabaseName("IX_HateIncidents_Force_Status");
        b.HasIndex(i => new { i.ForceId, i.Status, i.ReviewDueAt, i.Id }).HasDatabaseName("IX_HateIncidents_Force_ReviewQueue");
        b.HasIndex(i => new { i.ForceId, i.Classification, i.Status, i.SubjectToldAt, i.NotificationExceptionApprovedBy, i.SubjectToBeToldBy })
            .HasDatabaseName("IX_HateIncidents_Force_TellSubject");
        b.HasIndex(i => new { i.ForceId, i.SubjectReplyDueOn }).HasDatabaseName("IX_HateIncidents_Force_ReplyDue");
        b.HasIndex(i => new { i.ForceId, i.RetentionReviewDueOn }).HasDatabaseName("IX_HateIncidents_Force_RetentionDue");
        // The analysis (HateIncidentAnalysisService): each breakdown groups the period's reports in the order of one of these
        // indexes, and each index holds every column its query reads, so neither a sort nor a read of the wide rows is needed.
        // The first also serves lists by time, review timeliness and early deployments.
        b.HasIndex(i => new { i.ForceId, i.ReportedAt, i.Deployed, i.ImmediateRisk, i.AssessedAt, i.ReviewDueAt, i.ReviewedAt, i.DeploymentDecidedAt })
            .HasDatabaseName("IX_HateIncidents_Force_Time");
        b.HasIndex(i => new { i.ForceId, i.Area, i.Classification, i.ReportedAt }).HasDatabaseName("IX_HateIncidents_Force_Area");
        b.HasIndex(i => new { i.ForceId, i.Area, i.LocationDescription, i.ReportedAt }).HasDatabaseName("IX_HateIncidents_Force_Location");
        b.HasIndex(i => new { i.ForceId, i.Characteristics, i.Classification, i.ReportedAt }).HasDatabaseName("IX_HateIncidents_Force_Characteristics");
        b.HasIndex(i => new { i.ForceId, i.Classification, i.ReportedAt, i.Deployed }).HasDatabaseName("IX_HateIncidents_Force_Classification");
        b.Property(i => i.Classification).HasMaxLength(40);
        b.HasOne(i => i.Force).WithMany().HasForeignKey(i => i.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.RuleSetId).HasMaxLength(40);
        b.Property(i => i.OpeningCode).HasMaxLength(40);
        b.Property(i => i.FinalisingCode).HasMaxLength(40);
        b.Property(i => i.AssessedBy).HasMaxLength(200);
        b.Property(i => i.ReviewedBy).HasMaxLength(200);
        b.Property(i => i.DeploymentDecidedBy).HasMaxLength(200);
        b.Property(i => i.NotificationExceptionApprovedBy).HasMaxLength(200);
        b.Property(i => i.NotificationExceptionRecordedById).HasMaxLength(450);
        b.Property(i => i.PersonalDataDeletedBy).HasMaxLength(200);
        b.Property(i => i.RecordedBy).HasMaxLength(200);
        b.OwnsOne(i => i.Assessment, a =>
        {
            a.Property(x => x.Outcome).HasMaxLength(40);
            a.Property(x => x.SpecialistReview).HasMaxLength(40);
        });
        b.OwnsOne(i => i.Plane);
        b.HasMany(i => i.People).WithOne().HasForeignKey(p => p.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(i => i.History).WithOne().HasForeignKey(h => h.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class IncidentAttachmentConfiguration : IEntityTypeConfiguration<IncidentAttachment>
{
    public void Configure(EntityTypeBuilder<IncidentAttachment> b)
    {
        b.HasOne<HateIncident>().WithMany(i => i.Attachments).HasForeignKey(a => a.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(a => a.File).WithOne().HasForeignKey<IncidentAttachmentFile>(f => f.IncidentAttachmentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.ContentType).HasMaxLength(200);
        b.Property(a => a.AddedBy).HasMaxLength(200);
    }
}

internal sealed class IncidentPersonConfiguration : IEntityTypeConfiguration<IncidentPerson>
{
    public void Configure(EntityTypeBuilder<IncidentPerson> b)
    {
        b.Property(p => p.NameKey).HasMaxLength(200).HasAnnotation(EvenhandDbContext.DerivedText, true);
        // Repeat complainants and subjects, grouped in index order within the force, role and period.
        b.HasIndex(p => new { p.ForceId, p.Role, p.NameKey, p.DateOfBirth, p.IncidentReportedAt, p.HateIncidentId })
            .HasDatabaseName("IX_IncidentPeople_Repeats");
    }
}

internal sealed class IncidentHistoryEntryConfiguration : IEntityTypeConfiguration<IncidentHistoryEntry>
{
    public void Configure(EntityTypeBuilder<IncidentHistoryEntry> b)
    {
        b.Property(h => h.By).HasMaxLength(200);
        b.Property(h => h.Event).HasMaxLength(200);
        b.Property(h => h.FromOutcome).HasMaxLength(40);
        b.Property(h => h.ToOutcome).HasMaxLength(40);
        // Reclassifications: the few rows that change a classification, found without reading the rest.
        b.HasIndex(h => new { h.FromOutcome, h.ToOutcome, h.HateIncidentId });
        // Work fallen due is noted once per incident and due date, whichever server or command notes it: the database
        // refuses a second note with the same key (see HateIncidentDueWork).
        b.Property(h => h.DueKey).HasMaxLength(100);
        b.HasIndex(h => new { h.HateIncidentId, h.DueKey }).IsUnique();
    }
}

internal sealed class ForceHatePolicyConfiguration : IEntityTypeConfiguration<ForceHatePolicy>
{
    public void Configure(EntityTypeBuilder<ForceHatePolicy> b)
    {
        b.HasIndex(p => p.ForceId).IsUnique();
        b.HasOne(p => p.Force).WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.RuleSetId).HasMaxLength(40);
        b.Property(p => p.PreviousRuleSetId).HasMaxLength(40);
        b.Property(p => p.UpdatedBy).HasMaxLength(200);
    }
}

internal sealed class PurgeConfirmationConfiguration : IEntityTypeConfiguration<PurgeConfirmation>
{
    public void Configure(EntityTypeBuilder<PurgeConfirmation> b)
    {
        b.HasOne<HateIncident>().WithMany().HasForeignKey(p => p.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.System).HasMaxLength(200);
        b.Property(p => p.ConfirmedBy).HasMaxLength(200);
        b.Property(p => p.Note).HasMaxLength(500);
    }
}

internal sealed class LegacyCodeMappingConfiguration : IEntityTypeConfiguration<LegacyCodeMapping>
{
    public void Configure(EntityTypeBuilder<LegacyCodeMapping> b)
    {
        b.HasIndex(m => new { m.ForceId, m.LegacyCode }).IsUnique();
        b.HasOne(m => m.Force).WithMany().HasForeignKey(m => m.ForceId).OnDelete(DeleteBehavior.Cascade);
        b.Property(m => m.LegacyCode).HasMaxLength(40);
        b.Property(m => m.Code).HasMaxLength(40);
    }
}

internal sealed class CaseFileReviewConfiguration : IEntityTypeConfiguration<CaseFileReview>
{
    public void Configure(EntityTypeBuilder<CaseFileReview> b)
    {
        b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.CaseFileReviewId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.CreatedBy).HasMaxLength(200);
    }
}

internal sealed class CaseFileReviewItemConfiguration : IEntityTypeConfiguration<CaseFileReviewItem>
{
    public void Configure(EntityTypeBuilder<CaseFileReviewItem> b)
    {
        b.HasOne(i => i.Incident).WithMany().HasForeignKey(i => i.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Property(i => i.JudgedBy).HasMaxLength(200);
    }
}
