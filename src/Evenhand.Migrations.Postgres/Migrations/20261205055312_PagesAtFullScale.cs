using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class PagesAtFullScale : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "LatestAssessmentComplete",
                table: "PolicyDocuments",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "LatestAssessorTrained",
                table: "PolicyDocuments",
                type: "boolean",
                nullable: true);

            // The latest assessment's verdicts, kept with each policy from now on (PolicyDocument.AddAssessment), worked out
            // once for the policies already stored: the same rules as EqualityImpactAssessment.IsComplete (all nine
            // characteristics assessed, each with a rationale) and AssessorTrained (trained on or before the assessment).
            migrationBuilder.Sql("""
                UPDATE "PolicyDocuments" SET
                    "LatestAssessmentComplete" = (
                        SELECT (SELECT COUNT(*) FROM "EiaLine" l
                                WHERE l."EqualityImpactAssessmentId" = a."Id" AND l."Impact" <> 'NotAssessed' AND l."Rationale" IS NOT NULL AND l."Rationale" <> '') >= 9
                        FROM "EqualityImpactAssessment" a WHERE a."PolicyDocumentId" = "PolicyDocuments"."Id"
                        ORDER BY a."AssessedOn" DESC, a."Id" DESC LIMIT 1),
                    "LatestAssessorTrained" = (
                        SELECT a."AssessorTrainedOn" IS NOT NULL AND a."AssessorTrainedOn" <= a."AssessedOn"
                        FROM "EqualityImpactAssessment" a WHERE a."PolicyDocumentId" = "PolicyDocuments"."Id"
                        ORDER BY a."AssessedOn" DESC, a."Id" DESC LIMIT 1);
                """);

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobRuns_Job_Outcome",
                table: "BackgroundJobRuns",
                columns: new[] { "Job", "Outcome", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobRuns_Recent",
                table: "BackgroundJobRuns",
                columns: new[] { "StartedAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_BackgroundJobRuns_Job_Outcome",
                table: "BackgroundJobRuns");

            migrationBuilder.DropIndex(
                name: "IX_BackgroundJobRuns_Recent",
                table: "BackgroundJobRuns");

            migrationBuilder.DropColumn(
                name: "LatestAssessmentComplete",
                table: "PolicyDocuments");

            migrationBuilder.DropColumn(
                name: "LatestAssessorTrained",
                table: "PolicyDocuments");
        }
    }
}
