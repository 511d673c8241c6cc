using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DueWorkNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "ReplyOverdueNotedFor",
                table: "HateIncidents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "RetentionReviewNotedFor",
                table: "HateIncidents",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReviewOverdueNotedAt",
                table: "HateIncidents",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplyOverdueNotedFor",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "RetentionReviewNotedFor",
                table: "HateIncidents");

            migrationBuilder.DropColumn(
                name: "ReviewOverdueNotedAt",
                table: "HateIncidents");
        }
    }
}
