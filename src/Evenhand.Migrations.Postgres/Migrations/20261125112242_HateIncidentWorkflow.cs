using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
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
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RequestedAt",
                table: "PurgeConfirmations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "AssessorsRationale",
                table: "HatePolicies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PersonalDataVisibilityRationale",
                table: "HatePolicies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PreviousRuleSetId",
                table: "HatePolicies",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReviewTargetRationale",
                table: "HatePolicies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SubjectReplyRationale",
                table: "HatePolicies",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "HateIncidents",
                type: "character varying(200)",
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
