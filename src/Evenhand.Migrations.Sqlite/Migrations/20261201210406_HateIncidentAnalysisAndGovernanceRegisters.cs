using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HateIncidentAnalysisAndGovernanceRegisters : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Assessment_Outcome",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_ForceId_ReportedAt",
                table: "HateIncidents");

            migrationBuilder.AddColumn<int>(
                name: "ForceId",
                table: "IncidentPeople",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "IncidentReportedAt",
                table: "IncidentPeople",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "IncidentPeople",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Classification",
                table: "HateIncidents",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotificationExceptionRecordedById",
                table: "HateIncidents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReplyOverdueNotedFor",
                table: "HateIncidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetentionReviewNotedFor",
                table: "HateIncidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ReviewOverdueNotedAt",
                table: "HateIncidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdvisoryGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermsOfReferenceReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChairKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryGroups_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentiousIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedPosition = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CommunicationLines = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentiousIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentiousIssues_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceHistory",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordType = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecordId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Change = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceHistory", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermsOfReferenceMaxAgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberTenureLimitYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceSettings_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AboutSubject = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAttachment_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PolicedEvents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Contentious = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CommunicatedToPublic = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CommunicatedToWorkforce = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DressCode = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConductBriefing = table.Column<bool>(type: "INTEGER", nullable: false),
                    OnDuty = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    PolicingStyleEffectiveness = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ImpartialityAllegations = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Lessons = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicedEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicedEvents_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PolicyDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RelatesToEqualityAct = table.Column<bool>(type: "INTEGER", nullable: false),
                    LastReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ReviewIntervalMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    NextReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PolicyDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PolicyDocuments_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PoliticalContacts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    ContactOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SourceName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    WhatWasAsked = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Escalated = table.Column<bool>(type: "INTEGER", nullable: false),
                    EscalatedTo = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PoliticalContacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PoliticalContacts_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StaffNetworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Characteristic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NoCharacteristicRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChairElected = table.Column<bool>(type: "INTEGER", nullable: false),
                    TermsOfReferenceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Criteria = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    DutyHoursPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualBudget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    SpendToDate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNetworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffNetworks_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VisibleRepresentations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Item = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    PermittedFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PermittedTo = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Conditions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VisibleRepresentations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VisibleRepresentations_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdvisoryGroupMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvisoryGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Vetting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BackgroundCheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfidentialityAgreement = table.Column<bool>(type: "INTEGER", nullable: false),
                    Escorted = table.Column<bool>(type: "INTEGER", nullable: false),
                    VettingRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Training = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryGroupMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryGroupMember_AdvisoryGroups_AdvisoryGroupId",
                        column: x => x.AdvisoryGroupId,
                        principalTable: "AdvisoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AdvisoryMeeting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvisoryGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinutesRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    YouSaid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WeDid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FedBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryMeeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryMeeting_AdvisoryGroups_AdvisoryGroupId",
                        column: x => x.AdvisoryGroupId,
                        principalTable: "AdvisoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAttachmentFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentAttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAttachmentFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAttachmentFile_IncidentAttachment_IncidentAttachmentId",
                        column: x => x.IncidentAttachmentId,
                        principalTable: "IncidentAttachment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EqualityImpactAssessment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    PolicyDocumentId = table.Column<int>(type: "INTEGER", nullable: false),
                    AssessedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Assessor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AssessorTrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EqualityImpactAssessment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EqualityImpactAssessment_PolicyDocuments_PolicyDocumentId",
                        column: x => x.PolicyDocumentId,
                        principalTable: "PolicyDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FundingRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffNetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    WorkforceSharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    LocalPopulationSharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    RecruitmentOrRetentionConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmountAwarded = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingRequest_StaffNetworks_StaffNetworkId",
                        column: x => x.StaffNetworkId,
                        principalTable: "StaffNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EiaLine",
                columns: table => new
                {
                    Characteristic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    EqualityImpactAssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Impact = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EiaLine", x => new { x.EqualityImpactAssessmentId, x.Characteristic });
                    table.ForeignKey(
                        name: "FK_EiaLine_EqualityImpactAssessment_EqualityImpactAssessmentId",
                        column: x => x.EqualityImpactAssessmentId,
                        principalTable: "EqualityImpactAssessment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing rows: the current classification was kept in the assessment until now; person rows take their
            // incident's force and report time, and a name key (IncidentPerson.MatchKey also folds inner spaces).
            migrationBuilder.Sql("""UPDATE "HateIncidents" SET "Classification" = "Assessment_Outcome";""");
            migrationBuilder.Sql("""
                UPDATE "IncidentPeople" SET
                    "ForceId" = (SELECT h."ForceId" FROM "HateIncidents" AS h WHERE h."Id" = "IncidentPeople"."HateIncidentId"),
                    "IncidentReportedAt" = (SELECT h."ReportedAt" FROM "HateIncidents" AS h WHERE h."Id" = "IncidentPeople"."HateIncidentId"),
                    "NameKey" = lower(trim("Name"));
                """);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_Repeats",
                table: "IncidentPeople",
                columns: new[] { "ForceId", "Role", "NameKey", "DateOfBirth", "IncidentReportedAt", "HateIncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentHistoryEntry_FromOutcome_ToOutcome_HateIncidentId",
                table: "IncidentHistoryEntry",
                columns: new[] { "FromOutcome", "ToOutcome", "HateIncidentId" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Area",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Area", "Classification", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Characteristics",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Characteristics", "Classification", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Classification",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Classification", "ReportedAt", "Deployed" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Location",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Area", "LocationDescription", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Time",
                table: "HateIncidents",
                columns: new[] { "ForceId", "ReportedAt", "Deployed", "ImmediateRisk", "AssessedAt", "ReviewDueAt", "ReviewedAt", "DeploymentDecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryGroupMember_AdvisoryGroupId",
                table: "AdvisoryGroupMember",
                column: "AdvisoryGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryGroups_ForceId",
                table: "AdvisoryGroups",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryMeeting_AdvisoryGroupId",
                table: "AdvisoryMeeting",
                column: "AdvisoryGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentiousIssues_ForceId_Status",
                table: "ContentiousIssues",
                columns: new[] { "ForceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_EqualityImpactAssessment_PolicyDocumentId",
                table: "EqualityImpactAssessment",
                column: "PolicyDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_FundingRequest_StaffNetworkId",
                table: "FundingRequest",
                column: "StaffNetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceHistory_ForceId_RecordType_RecordId",
                table: "GovernanceHistory",
                columns: new[] { "ForceId", "RecordType", "RecordId" });

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSettings_ForceId",
                table: "GovernanceSettings",
                column: "ForceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAttachment_HateIncidentId",
                table: "IncidentAttachment",
                column: "HateIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAttachmentFile_IncidentAttachmentId",
                table: "IncidentAttachmentFile",
                column: "IncidentAttachmentId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PolicedEvents_ForceId_StartsOn",
                table: "PolicedEvents",
                columns: new[] { "ForceId", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PolicyDocuments_ForceId_NextReviewDueOn",
                table: "PolicyDocuments",
                columns: new[] { "ForceId", "NextReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_PoliticalContacts_ForceId_ContactOn",
                table: "PoliticalContacts",
                columns: new[] { "ForceId", "ContactOn" });

            migrationBuilder.CreateIndex(
                name: "IX_StaffNetworks_ForceId",
                table: "StaffNetworks",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_VisibleRepresentations_ForceId_Item",
                table: "VisibleRepresentations",
                columns: new[] { "ForceId", "Item" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisoryGroupMember");

            migrationBuilder.DropTable(
                name: "AdvisoryMeeting");

            migrationBuilder.DropTable(
                name: "ContentiousIssues");

            migrationBuilder.DropTable(
                name: "EiaLine");

            migrationBuilder.DropTable(
                name: "FundingRequest");

            migrationBuilder.DropTable(
                name: "GovernanceHistory");

            migrationBuilder.DropTable(
                name: "GovernanceSettings");

            migrationBuilder.DropTable(
                name: "IncidentAttachmentFile");

            migrationBuilder.DropTable(
                name: "PolicedEvents");

            migrationBuilder.DropTable(
                name: "PoliticalContacts");

            migrationBuilder.DropTable(
                name: "VisibleRepresentations");

            migrationBuilder.DropTable(
                name: "AdvisoryGroups");

            migrationBuilder.DropTable(
                name: "EqualityImpactAssessment");

            migrationBuilder.DropTable(
                name: "StaffNetworks");

            migrationBuilder.DropTable(
                name: "IncidentAttachment");

            migrationBuilder.DropTable(
                name: "PolicyDocuments");

            migrationBuilder.DropIndex(
                name: "IX_IncidentPeople_Repeats",
                table: "IncidentPeople");

            migrationBuilder.DropIndex(
                name: "IX_IncidentHistoryEntry_FromOutcome_ToOutcome_HateIncidentId",
                table: "IncidentHistoryEntry");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Area",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Characteristics",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Classification",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Location",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Time",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "ForceId",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "IncidentReportedAt",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "IncidentPeople");

            migrationBuilder.DropColumn(
                name: "Classification",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "NotificationExceptionRecordedById",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "ReplyOverdueNotedFor",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "RetentionReviewNotedFor",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "ReviewOverdueNotedAt",
                table: "HateIncidents");

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Assessment_Outcome",
                table: "HateIncidents",
                column: "Assessment_Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_ForceId_ReportedAt",
                table: "HateIncidents",
                columns: new[] { "ForceId", "ReportedAt" });
        }
    }
}
