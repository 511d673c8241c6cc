using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HateIncidentWorkflow : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Note",
                table: "PurgeConfirmations",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "RequestedAt",
                table: "PurgeConfirmations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "AssessorsRationale",
                table: "HatePolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalDataVisibilityRationale",
                table: "HatePolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousRuleSetId",
                table: "HatePolicies",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewTargetRationale",
                table: "HatePolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectReplyRationale",
                table: "HatePolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "HateIncidents",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Note",
                table: "PurgeConfirmations");

            migrationBuilder.DropColumn(
                name: "RequestedAt",
                table: "PurgeConfirmations");

            migrationBuilder.DropColumn(
                name: "AssessorsRationale",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "PersonalDataVisibilityRationale",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "PreviousRuleSetId",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "ReviewTargetRationale",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "SubjectReplyRationale",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "HateIncidents");
        }
    }
}
