using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NchiWorkListsAndTellingClock : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "TellSubjectWithinDays",
                table: "HatePolicies",
                type: "INTEGER",
                nullable: false,
                defaultValue: 14);

            migrationBuilder.AddColumn<string>(
                name: "TellSubjectWithinDaysRationale",
                table: "HatePolicies",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Assessment_BasisToConcludeIntentionalHostility",
                table: "HateIncidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "SubjectToBeToldBy",
                table: "HateIncidents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "TellSubjectOverdueNotedFor",
                table: "HateIncidents",
                type: "TEXT",
                nullable: true);

            // Data fix (issue 9). A hate crime is recorded under the crime recording rules; the NCHI Code's retention reviews do
            // not apply to it (PCSC Act 2022 s60(4)), so no hate crime keeps a retention review date.
            migrationBuilder.Sql(
                "UPDATE \"HateIncidents\" SET \"RetentionReviewDueOn\" = NULL, \"RetentionReviewNotedFor\" = NULL, \"SubjectToBeToldBy\" = NULL " +
                "WHERE \"Classification\" = 'hate-crime';");

            // Forces on code-2023 follow its successor code-2023-r2 (the intentional-hostility test) from today; assessments
            // already made keep code-2023, their outcome and their reasons.
            migrationBuilder.Sql(
                "UPDATE \"HatePolicies\" SET \"PreviousRuleSetId\" = \"RuleSetId\", \"RuleSetId\" = 'code-2023-r2', \"RuleSetFrom\" = date('now') " +
                "WHERE \"RuleSetId\" = 'code-2023';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "TellSubjectWithinDays",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "TellSubjectWithinDaysRationale",
                table: "HatePolicies");

            migrationBuilder.DropColumn(
                name: "Assessment_BasisToConcludeIntentionalHostility",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "SubjectToBeToldBy",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "TellSubjectOverdueNotedFor",
                table: "HateIncidents");
        }
    }
}
