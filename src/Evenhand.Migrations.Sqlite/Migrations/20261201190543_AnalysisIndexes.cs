using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AnalysisIndexes : Migration
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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
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
