using Evenhand.Accounts;
using Evenhand.Auditing;
using Evenhand.Common;
using Evenhand.Forces;
using Evenhand.HateIncidents;
using Evenhand.Inspections;
using Evenhand.Responses;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Evenhand.Data;

public sealed class EvenhandDbContext(DbContextOptions<EvenhandDbContext> options) : IdentityDbContext<EvenhandUser>(options), IDataProtectionKeyContext
{
    /// <summary>ASP.NET Core Data Protection keys (cookies, antiforgery tokens), shared by every web server of the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Importing.StagedDocument> StagedDocuments => Set<Importing.StagedDocument>();
    public DbSet<Importing.StagedUpload> StagedUploads => Set<Importing.StagedUpload>();
    public DbSet<Importing.StagedUploadChunk> StagedUploadChunks => Set<Importing.StagedUploadChunk>();
    public DbSet<BackgroundJobRun> BackgroundJobRuns => Set<BackgroundJobRun>();
    public DbSet<Force> Forces => Set<Force>();
    public DbSet<Inspection> Inspections => Set<Inspection>();
    public DbSet<Recommendation> Recommendations => Set<Recommendation>();
    public DbSet<ForceResponse> ForceResponses => Set<ForceResponse>();
    public DbSet<EvidenceItem> Evidence => Set<EvidenceItem>();
    public DbSet<Section55Response> Section55Responses => Set<Section55Response>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<HateIncident> HateIncidents => Set<HateIncident>();
    public DbSet<IncidentPerson> IncidentPeople => Set<IncidentPerson>();
    public DbSet<ForceHatePolicy> HatePolicies => Set<ForceHatePolicy>();
    public DbSet<PurgeConfirmation> PurgeConfirmations => Set<PurgeConfirmation>();
    public DbSet<LegacyCodeMapping> LegacyCodeMappings => Set<LegacyCodeMapping>();
    public DbSet<CaseFileReview> CaseFileReviews => Set<CaseFileReview>();
    public DbSet<Governance.PolicyDocument> PolicyDocuments => Set<Governance.PolicyDocument>();
    public DbSet<Governance.GovernanceHistoryEntry> GovernanceHistory => Set<Governance.GovernanceHistoryEntry>();
    public DbSet<Governance.VisibleRepresentation> VisibleRepresentations => Set<Governance.VisibleRepresentation>();
    public DbSet<Governance.PoliticalContact> PoliticalContacts => Set<Governance.PoliticalContact>();
    public DbSet<Governance.ContentiousIssue> ContentiousIssues => Set<Governance.ContentiousIssue>();
    public DbSet<Governance.PolicedEvent> PolicedEvents => Set<Governance.PolicedEvent>();
    public DbSet<Governance.AdvisoryGroup> AdvisoryGroups => Set<Governance.AdvisoryGroup>();
    public DbSet<Governance.StaffNetwork> StaffNetworks => Set<Governance.StaffNetwork>();
    public DbSet<Governance.GovernanceSettings> GovernanceSettings => Set<Governance.GovernanceSettings>();
    public DbSet<SocialMedia.Datasets.SocialDataset> SocialDatasets => Set<SocialMedia.Datasets.SocialDataset>();
    public DbSet<SocialMedia.Datasets.SocialAccount> SocialAccounts => Set<SocialMedia.Datasets.SocialAccount>();
    public DbSet<SocialMedia.Datasets.SocialPost> SocialPosts => Set<SocialMedia.Datasets.SocialPost>();
    public DbSet<SocialMedia.Datasets.SocialPostKeyword> SocialPostKeywords => Set<SocialMedia.Datasets.SocialPostKeyword>();
    public DbSet<SocialMedia.Datasets.DipSample> DipSamples => Set<SocialMedia.Datasets.DipSample>();
    public DbSet<SocialMedia.Datasets.DipSampleItem> DipSampleItems => Set<SocialMedia.Datasets.DipSampleItem>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        CopyIncidentFieldsToPeople();
        RefuseOverlongText();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        CopyIncidentFieldsToPeople();
        RefuseOverlongText();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Every text column's limit is declared once, in the model (HasMaxLength), and enforced here for every save on both
    /// providers: PostgreSQL would refuse the row with a server error and SQLite would store it, so neither is left to
    /// decide. A change that is too long is refused, nothing is saved, and each field is named with its limit.
    /// </summary>
    /// <summary>Marks a text column computed from another (a search key): its source's limit is the one reported.</summary>
    public const string DerivedText = "Evenhand:DerivedText";

    private void RefuseOverlongText()
    {
        var errors = new List<FieldError>();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string) && property.Metadata.FindAnnotation(DerivedText) is null && property.Metadata.GetMaxLength() is { } max &&
                    property.CurrentValue is string { } text && text.Length > max &&
                    (entry.State == EntityState.Added || property.IsModified))
                {
                    errors.Add(new FieldError(property.Metadata.Name, $"{Words(property.Metadata.Name)} must be {max:N0} characters or fewer (this is {text.Length:N0})"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
    }

    /// <summary>"SourceName" as "Source name", for messages.</summary>
    internal static string Words(string propertyName)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in propertyName)
        {
            if (char.IsUpper(c) && sb.Length > 0)
            {
                sb.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Person rows carry their incident's force and report time for the repeat-person analysis (see
    /// <see cref="IncidentPerson.ForceId"/>). They are copied here, on every save, so no code path that adds a person can forget.
    /// </summary>
    private void CopyIncidentFieldsToPeople()
    {
        foreach (var entry in ChangeTracker.Entries<HateIncident>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Unchanged))
            {
                continue;
            }

            var incident = entry.Entity;
            foreach (var person in incident.People)
            {
                if (person.ForceId != incident.ForceId)
                {
                    person.ForceId = incident.ForceId;
                }

                if (person.IncidentReportedAt != incident.ReportedAt)
                {
                    person.IncidentReportedAt = incident.ReportedAt;
                }
            }
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no native instant type and cannot compare or order DateTimeOffset values stored as text.
        // Store them as a sortable binary number there; PostgreSQL keeps timestamptz.
        if (Database.IsSqlite())
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }

        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<EvenhandUser>(b =>
        {
            b.Property(u => u.DisplayName).HasMaxLength(200);
            b.HasOne(u => u.Force).WithMany().HasForeignKey(u => u.ForceId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Force>(b =>
        {
            b.HasIndex(f => f.Slug).IsUnique();
            b.Property(f => f.Slug).HasMaxLength(60);
            b.Property(f => f.Name).HasMaxLength(120);
            b.Property(f => f.ShortName).HasMaxLength(80);
            b.Property(f => f.LocalPolicingBody).HasMaxLength(200);
            b.Property(f => f.Country).HasMaxLength(20);
        });

        builder.Entity<Inspection>(b =>
        {
            b.Property(i => i.Title).HasMaxLength(500);
            b.Property(i => i.Publisher).HasMaxLength(200);
            b.Property(i => i.SourceFileName).HasMaxLength(260);
            b.HasMany(i => i.Recommendations).WithOne(r => r.Inspection!).HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
            ConfigureVersion(b);
        });

        builder.Entity<Recommendation>(b =>
        {
            b.HasIndex(r => new { r.InspectionId, r.Number }).IsUnique();
            b.Property(r => r.Chapter).HasMaxLength(200);
            b.Property(r => r.DueRuleEvent).HasMaxLength(500);
            b.Property(r => r.DueRuleDescription).HasMaxLength(500);
            ConfigureVersion(b);
        });

        builder.Entity<ForceResponse>(b =>
        {
            b.HasIndex(r => new { r.ForceId, r.RecommendationId }).IsUnique();
            b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(r => r.Recommendation).WithMany().HasForeignKey(r => r.RecommendationId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Actions).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Evidence).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Meetings).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Timeline).WithOne().HasForeignKey(a => a.ForceResponseId).OnDelete(DeleteBehavior.Cascade);
            b.Property(r => r.ExecutiveLead).HasMaxLength(200);
            b.Property(r => r.DeliveryLead).HasMaxLength(200);
            b.Property(r => r.AssessedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });

        builder.Entity<PlanAction>(b =>
        {
            b.Property(a => a.Owner).HasMaxLength(200);
            b.Property(a => a.OwnerUserId).HasMaxLength(450);
            b.HasOne<EvenhandUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
        });

        builder.Entity<GovernanceMeeting>(b => b.Property(m => m.Board).HasMaxLength(200));
        builder.Entity<ForceResponseUpdate>(b => b.Property(u => u.By).HasMaxLength(200));

        builder.Entity<EvidenceItem>(b =>
        {
            b.Property(e => e.FileName).HasMaxLength(260);
            b.Property(e => e.ContentType).HasMaxLength(200);
            b.Property(e => e.Url).HasMaxLength(2000);
            b.Property(e => e.AddedBy).HasMaxLength(200);
            b.HasOne(e => e.File).WithOne().HasForeignKey<EvidenceFile>(f => f.EvidenceItemId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<Section55Response>(b =>
        {
            b.HasIndex(r => new { r.ForceId, r.InspectionId }).IsUnique();
            b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasOne(r => r.Inspection).WithMany().HasForeignKey(r => r.InspectionId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.Section55ResponseId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(r => r.Corrections).WithOne().HasForeignKey(c => c.Section55ResponseId).OnDelete(DeleteBehavior.Cascade);
            b.Ignore(r => r.DueOn);
            b.Property(r => r.PublicUrl).HasMaxLength(2000);
            b.Property(r => r.SourceFileName).HasMaxLength(260);
            b.Property(r => r.UpdatedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });

        builder.Entity<Section55Item>(b =>
        {
            b.HasIndex(i => new { i.Section55ResponseId, i.RecommendationId }).IsUnique();
            b.HasOne(i => i.Recommendation).WithMany().HasForeignKey(i => i.RecommendationId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Section55Correction>(b =>
        {
            b.HasIndex(c => c.Section55ResponseId);
            b.Property(c => c.Part).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.PreviousStance).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.NewStance).HasConversion<string>().HasMaxLength(40);
            b.Property(c => c.CorrectedBy).HasMaxLength(200);
            b.Ignore(c => c.PartDescription);
        });

        ConfigureHateIncidents(builder);
        ConfigureGovernance(builder);
        MyWork.MyWorkModel.Configure(builder);

        builder.Entity<AuditEntry>(b =>
        {
            // The audit log page lists the newest first (by id), filtered by force, record type or user, read by key.
            b.HasIndex(a => new { a.EntityType, a.EntityId, a.Id });
            b.HasIndex(a => a.At);
            b.HasIndex(a => new { a.ForceId, a.Id });
            b.HasIndex(a => new { a.EntityType, a.Id });
            b.HasIndex(a => new { a.UserName, a.Id });
            b.Property(a => a.UserId).HasMaxLength(450);
            b.Property(a => a.UserName).HasMaxLength(256);
            b.Property(a => a.EntityType).HasMaxLength(100);
            b.Property(a => a.EntityId).HasMaxLength(100);
            b.Property(a => a.Action).HasMaxLength(40);
        });
    }

    private static void ConfigureHateIncidents(ModelBuilder builder)
    {
        builder.Entity<HateIncident>(b =>
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
            b.Property(i => i.Reference).HasMaxLength(40);
            b.Property(i => i.Area).HasMaxLength(120);
            b.Property(i => i.LocationDescription).HasMaxLength(500);
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
            ConfigureVersion(b);
        });
        builder.Entity<IncidentAttachment>(b =>
        {
            b.HasOne<HateIncident>().WithMany(i => i.Attachments).HasForeignKey(a => a.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne(a => a.File).WithOne().HasForeignKey<IncidentAttachmentFile>(f => f.IncidentAttachmentId).OnDelete(DeleteBehavior.Cascade);
            b.Property(a => a.FileName).HasMaxLength(200);
            b.Property(a => a.ContentType).HasMaxLength(200);
            b.Property(a => a.Description).HasMaxLength(1000);
            b.Property(a => a.AddedBy).HasMaxLength(200);
        });
        builder.Entity<IncidentPerson>(b =>
        {
            b.Property(p => p.Name).HasMaxLength(200);
            b.Property(p => p.NameKey).HasMaxLength(200).HasAnnotation(DerivedText, true);
            // Repeat complainants and subjects, grouped in index order within the force, role and period.
            b.HasIndex(p => new { p.ForceId, p.Role, p.NameKey, p.DateOfBirth, p.IncidentReportedAt, p.HateIncidentId })
                .HasDatabaseName("IX_IncidentPeople_Repeats");
            b.Property(p => p.Address).HasMaxLength(500);
            b.Property(p => p.Contact).HasMaxLength(200);
        });
        builder.Entity<IncidentHistoryEntry>(b =>
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
        });
        builder.Entity<ForceHatePolicy>(b =>
        {
            b.HasIndex(p => p.ForceId).IsUnique();
            b.HasOne(p => p.Force).WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.Property(p => p.RuleSetId).HasMaxLength(40);
            b.Property(p => p.PreviousRuleSetId).HasMaxLength(40);
            b.Property(p => p.UpdatedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });
        builder.Entity<PurgeConfirmation>(b =>
        {
            b.HasOne<HateIncident>().WithMany().HasForeignKey(p => p.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
            b.Property(p => p.System).HasMaxLength(200);
            b.Property(p => p.ConfirmedBy).HasMaxLength(200);
            b.Property(p => p.Note).HasMaxLength(500);
        });
        builder.Entity<LegacyCodeMapping>(b =>
        {
            b.HasIndex(m => new { m.ForceId, m.LegacyCode }).IsUnique();
            b.HasOne(m => m.Force).WithMany().HasForeignKey(m => m.ForceId).OnDelete(DeleteBehavior.Cascade);
            b.Property(m => m.LegacyCode).HasMaxLength(40);
            b.Property(m => m.Code).HasMaxLength(40);
        });
        builder.Entity<CaseFileReview>(b =>
        {
            b.HasOne(r => r.Force).WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.CaseFileReviewId).OnDelete(DeleteBehavior.Cascade);
            b.Property(r => r.CreatedBy).HasMaxLength(200);
        });
        builder.Entity<CaseFileReviewItem>(b =>
        {
            b.HasOne(i => i.Incident).WithMany().HasForeignKey(i => i.HateIncidentId).OnDelete(DeleteBehavior.Cascade);
            b.Property(i => i.JudgedBy).HasMaxLength(200);
        });
    }

    private static void ConfigureGovernance(ModelBuilder builder)
    {
        builder.Entity<Governance.PolicyDocument>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(p => p.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(p => new { p.ForceId, p.NextReviewDueOn });
            b.Property(p => p.Title).HasMaxLength(200);
            b.Property(p => p.Reference).HasMaxLength(40);
            b.Property(p => p.Owner).HasMaxLength(200);
            b.Property(p => p.Notes).HasMaxLength(4000);
            b.Property(p => p.CreatedBy).HasMaxLength(200);
            b.HasMany(p => p.Assessments).WithOne().HasForeignKey(a => a.PolicyDocumentId).OnDelete(DeleteBehavior.Cascade);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.EqualityImpactAssessment>(b =>
        {
            b.Property(a => a.Assessor).HasMaxLength(200);
            b.Property(a => a.RecordedBy).HasMaxLength(200);
            b.OwnsMany(a => a.Lines, l =>
            {
                // One line per characteristic: the natural key.
                l.WithOwner().HasForeignKey("EqualityImpactAssessmentId");
                l.HasKey("EqualityImpactAssessmentId", nameof(Governance.EiaLine.Characteristic));
                l.Property(x => x.Rationale).HasMaxLength(2000);
            });
        });
        builder.Entity<Governance.VisibleRepresentation>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(r => r.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(r => new { r.ForceId, r.Item });
            b.Property(r => r.Description).HasMaxLength(200);
            b.Property(r => r.Cause).HasMaxLength(200);
            b.Property(r => r.Conditions).HasMaxLength(2000);
            b.Property(r => r.DecidedBy).HasMaxLength(200);
            b.Property(r => r.Rationale).HasMaxLength(4000);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.PoliticalContact>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(c => c.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(c => new { c.ForceId, c.ContactOn });
            b.Property(c => c.SourceName).HasMaxLength(200);
            b.Property(c => c.WhatWasAsked).HasMaxLength(4000);
            b.Property(c => c.Response).HasMaxLength(4000);
            b.Property(c => c.EscalatedTo).HasMaxLength(200);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.ContentiousIssue>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(i => i.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(i => new { i.ForceId, i.Status });
            b.Property(i => i.Issue).HasMaxLength(200);
            b.Property(i => i.RiskAssessment).HasMaxLength(4000);
            b.Property(i => i.AgreedPosition).HasMaxLength(4000);
            b.Property(i => i.CommunicationLines).HasMaxLength(4000);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.PolicedEvent>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(e => e.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(e => new { e.ForceId, e.StartsOn });
            b.Property(e => e.Name).HasMaxLength(200);
            foreach (var text in new[] { nameof(Governance.PolicedEvent.Reasons), nameof(Governance.PolicedEvent.CommunicatedToPublic), nameof(Governance.PolicedEvent.CommunicatedToWorkforce),
                nameof(Governance.PolicedEvent.DressCode), nameof(Governance.PolicedEvent.PolicingStyleEffectiveness), nameof(Governance.PolicedEvent.ImpartialityAllegations), nameof(Governance.PolicedEvent.Lessons) })
            {
                b.Property(text).HasMaxLength(4000);
            }

            b.Property(e => e.ReviewedBy).HasMaxLength(200);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.AdvisoryGroup>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(g => g.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(g => g.ForceId);
            b.Property(g => g.Name).HasMaxLength(200);
            b.Property(g => g.Chair).HasMaxLength(200);
            b.Property(g => g.Payments).HasMaxLength(2000);
            b.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.AdvisoryGroupId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(g => g.Meetings).WithOne().HasForeignKey(m => m.AdvisoryGroupId).OnDelete(DeleteBehavior.Cascade);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.AdvisoryGroupMember>(b =>
        {
            b.Property(m => m.Name).HasMaxLength(200);
            b.Property(m => m.VettingRationale).HasMaxLength(2000);
            b.Property(m => m.Training).HasMaxLength(2000);
        });
        builder.Entity<Governance.AdvisoryMeeting>(b =>
        {
            b.Property(m => m.YouSaid).HasMaxLength(2000);
            b.Property(m => m.WeDid).HasMaxLength(2000);
        });
        builder.Entity<Governance.GovernanceSettings>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(s => s.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(s => s.ForceId).IsUnique();
            ConfigureVersion(b);
        });
        builder.Entity<Governance.StaffNetwork>(b =>
        {
            b.HasOne<Force>().WithMany().HasForeignKey(n => n.ForceId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(n => n.ForceId);
            b.Property(n => n.Name).HasMaxLength(200);
            b.Property(n => n.Chair).HasMaxLength(200);
            b.Property(n => n.NoCharacteristicRationale).HasMaxLength(2000);
            b.Property(n => n.Criteria).HasConversion<int>();
            b.Property(n => n.AnnualBudget).HasPrecision(12, 2);
            b.Property(n => n.SpendToDate).HasPrecision(12, 2);
            b.HasMany(n => n.FundingRequests).WithOne().HasForeignKey(r => r.StaffNetworkId).OnDelete(DeleteBehavior.Cascade);
            ConfigureVersion(b);
        });
        builder.Entity<Governance.FundingRequest>(b =>
        {
            b.Property(r => r.Purpose).HasMaxLength(1000);
            b.Property(r => r.Rationale).HasMaxLength(2000);
            b.Property(r => r.Amount).HasPrecision(12, 2);
            b.Property(r => r.AmountAwarded).HasPrecision(12, 2);
            b.Property(r => r.WorkforceSharePercent).HasPrecision(5, 2);
            b.Property(r => r.LocalPopulationSharePercent).HasPrecision(5, 2);
        });
        builder.Entity<Governance.GovernanceHistoryEntry>(b =>
        {
            b.HasIndex(h => new { h.ForceId, h.RecordType, h.RecordId });
            b.Property(h => h.RecordType).HasMaxLength(40);
            b.Property(h => h.By).HasMaxLength(200);
            b.Property(h => h.Change).HasMaxLength(4000);
        });

        ConfigureSocialMedia(builder);
        ConfigureBackgroundWork(builder);
    }

    private static void ConfigureBackgroundWork(ModelBuilder builder)
    {
        builder.Entity<DataProtectionKey>(b => b.ToTable("DataProtectionKeys"));
        builder.Entity<Importing.StagedDocument>(b =>
        {
            b.Property(d => d.UserId).HasMaxLength(450);
            b.Property(d => d.FileName).HasMaxLength(260);
            b.HasIndex(d => d.CreatedAt);
        });
        builder.Entity<Importing.StagedUpload>(b =>
        {
            b.Property(u => u.FileName).HasMaxLength(260);
            b.HasIndex(u => u.CreatedAt);
        });
        builder.Entity<Importing.StagedUploadChunk>(b =>
        {
            b.HasKey(c => new { c.UploadId, c.Index });
            b.HasOne<Importing.StagedUpload>().WithMany().HasForeignKey(c => c.UploadId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<BackgroundJobRun>(b =>
        {
            b.Property(r => r.Job).HasMaxLength(100);
            b.Property(r => r.Subject).HasMaxLength(200);
            b.Property(r => r.Server).HasMaxLength(200);
            b.Property(r => r.Result).HasMaxLength(1000);
            b.Property(r => r.Error).HasMaxLength(4000);
            b.HasIndex(r => new { r.Job, r.StartedAt });
            // The jobs page: the most recent runs of every job, and each job's last failure (without reading all its runs).
            b.HasIndex(r => new { r.StartedAt, r.Id }).HasDatabaseName("IX_BackgroundJobRuns_Recent");
            b.HasIndex(r => new { r.Job, r.Outcome, r.StartedAt }).HasDatabaseName("IX_BackgroundJobRuns_Job_Outcome");
        });
    }

    private static void ConfigureSocialMedia(ModelBuilder builder) => SocialMedia.Datasets.SocialMediaModel.Configure(builder);

    private static void ConfigureVersion<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b)
        where T : VersionedEntity => b.Property(e => e.Version).IsConcurrencyToken();
}
