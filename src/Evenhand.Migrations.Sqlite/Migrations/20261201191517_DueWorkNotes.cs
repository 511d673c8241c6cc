using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
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
