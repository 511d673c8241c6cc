using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HateIncidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CaseFileReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Seed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileReviews_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HateIncidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReportedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    LocationDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Circumstances = table.Column<string>(type: "TEXT", nullable: false),
                    Characteristics = table.Column<string>(type: "TEXT", nullable: false),
                    PerceivedBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ImmediateRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    SafeguardingConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Assessment_PerceivedHostility = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_IsCrime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_TrivialIrrationalOrMalicious = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_SchoolChildrenOnSchoolPremises = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_LawfulFreedomOfExpression = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_RealRiskOfSignificantHarm = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_RealRiskOfFutureOffence = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Assessment_SpecialistReview = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Assessment_SubjectPersonalDataAllowed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Assessment_Reasons = table.Column<string>(type: "TEXT", nullable: true),
                    AssessedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonalDataRationale = table.Column<string>(type: "TEXT", nullable: true),
                    Deployed = table.Column<bool>(type: "INTEGER", nullable: true),
                    Plane_Proportionality = table.Column<string>(type: "TEXT", nullable: true),
                    Plane_Lawfulness = table.Column<string>(type: "TEXT", nullable: true),
                    Plane_Accountability = table.Column<string>(type: "TEXT", nullable: true),
                    Plane_Necessity = table.Column<string>(type: "TEXT", nullable: true),
                    Plane_Ethics = table.Column<string>(type: "TEXT", nullable: true),
                    DeploymentDecidedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DeploymentDecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewDueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ReviewNote = table.Column<string>(type: "TEXT", nullable: true),
                    OpeningCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    FinalisingCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubjectToldAt = table.Column<long>(type: "INTEGER", nullable: true),
                    NotificationExceptionReason = table.Column<string>(type: "TEXT", nullable: true),
                    NotificationExceptionApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    SubjectReply = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectRequestedDeletion = table.Column<bool>(type: "INTEGER", nullable: false),
                    SubjectReplyDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SubjectAnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RetentionReviewDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PersonalDataDeletedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PersonalDataDeletedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HateIncidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HateIncidents_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "HatePolicies",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Assessors = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ReviewTargetHours = table.Column<int>(type: "INTEGER", nullable: false),
                    AdditionalCharacteristics = table.Column<string>(type: "TEXT", nullable: false),
                    AdditionalCharacteristicsRationale = table.Column<string>(type: "TEXT", nullable: true),
                    RetentionReviewMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    RetentionRationale = table.Column<string>(type: "TEXT", nullable: true),
                    TellSubject = table.Column<bool>(type: "INTEGER", nullable: false),
                    TellSubjectRationale = table.Column<string>(type: "TEXT", nullable: true),
                    SubjectReplyDays = table.Column<int>(type: "INTEGER", nullable: false),
                    CallTakersMaySeePersonalData = table.Column<bool>(type: "INTEGER", nullable: false),
                    RuleSetId = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RuleSetFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HatePolicies", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HatePolicies_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "LegacyCodeMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    LegacyCode = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LegacyCodeMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LegacyCodeMappings_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseFileReviewItem",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseFileReviewId = table.Column<int>(type: "INTEGER", nullable: false),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordingCorrect = table.Column<bool>(type: "INTEGER", nullable: true),
                    AssessmentCorrect = table.Column<bool>(type: "INTEGER", nullable: true),
                    ReviewCorrect = table.Column<bool>(type: "INTEGER", nullable: true),
                    FinalisationCorrect = table.Column<bool>(type: "INTEGER", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    JudgedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JudgedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseFileReviewItem", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseFileReviewItem_CaseFileReviews_CaseFileReviewId",
                        column: x => x.CaseFileReviewId,
                        principalTable: "CaseFileReviews",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseFileReviewItem_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentHistoryEntry",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Event = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FromOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ToOutcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentHistoryEntry", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentHistoryEntry_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentPeople",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentPeople", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentPeople_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PurgeConfirmations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    System = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ConfirmedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PurgeConfirmations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PurgeConfirmations_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviewItem_CaseFileReviewId",
                table: "CaseFileReviewItem",
                column: "CaseFileReviewId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviewItem_HateIncidentId",
                table: "CaseFileReviewItem",
                column: "HateIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseFileReviews_ForceId",
                table: "CaseFileReviews",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Assessment_Outcome",
                table: "HateIncidents",
                column: "Assessment_Outcome");

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_ForceId_Reference",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Reference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_ForceId_ReportedAt",
                table: "HateIncidents",
                columns: new[] { "ForceId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_ForceId_Status",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_HatePolicies_ForceId",
                table: "HatePolicies",
                column: "ForceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IncidentHistoryEntry_HateIncidentId",
                table: "IncidentHistoryEntry",
                column: "HateIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentPeople_HateIncidentId",
                table: "IncidentPeople",
                column: "HateIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_LegacyCodeMappings_ForceId_LegacyCode",
                table: "LegacyCodeMappings",
                columns: new[] { "ForceId", "LegacyCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PurgeConfirmations_HateIncidentId",
                table: "PurgeConfirmations",
                column: "HateIncidentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseFileReviewItem");

            migrationBuilder.DropTable(
                name: "HatePolicies");

            migrationBuilder.DropTable(
                name: "IncidentHistoryEntry");

            migrationBuilder.DropTable(
                name: "IncidentPeople");

            migrationBuilder.DropTable(
                name: "LegacyCodeMappings");

            migrationBuilder.DropTable(
                name: "PurgeConfirmations");

            migrationBuilder.DropTable(
                name: "CaseFileReviews");

            migrationBuilder.DropTable(
                name: "HateIncidents");
        }
    }
}
