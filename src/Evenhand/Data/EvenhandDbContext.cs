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

    /// <summary>Marks a text column computed from another (a search key): its source's limit is the one reported.</summary>
    public const string DerivedText = "Evenhand:DerivedText";

    /// <summary>
    /// Every text column's limit is declared once in the model (<c>[MaxLength]</c> on the entity where a user enters the text,
    /// see <see cref="TextLimit"/>; <c>HasMaxLength</c> in the feature's mapping where only the system writes it) and
    /// enforced here for every save on both providers: PostgreSQL would refuse the row with a server error and SQLite would
    /// store it, so neither is left to decide. A change that is too long is refused, nothing is saved, and each field is
    /// named with its limit. The domain refuses the text users enter in the same round as its other rules; this is the net.
    /// </summary>
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
                    errors.Add(new FieldError(property.Metadata.Name, $"{TextLimit.Words(property.Metadata.Name)} must be {max:N0} characters or fewer (this is {text.Length:N0})"));
                }
            }
        }

        if (errors.Count > 0)
        {
            throw new DomainRuleException(errors);
        }
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

        // Each feature maps its own entities beside them (an IEntityTypeConfiguration<T> per entity, in the feature's
        // *Mapping.cs file); this finds them all.
        builder.ApplyConfigurationsFromAssembly(typeof(EvenhandDbContext).Assembly);

        // Optimistic concurrency by convention: every entity with a Guid Version (VersionedEntity and the few records
        // claimed or reviewed concurrently) is saved only if its row still has the version it was read with.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => e.BaseType is null && !e.IsOwned()))
        {
            if (entity.FindProperty(nameof(VersionedEntity.Version)) is { ClrType: var type } version && type == typeof(Guid))
            {
                version.IsConcurrencyToken = true;
            }
        }
    }
}
