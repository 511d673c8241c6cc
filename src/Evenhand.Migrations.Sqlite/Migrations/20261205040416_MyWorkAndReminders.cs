using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MyWorkAndReminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OwnerUserId",
                table: "PlanAction",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboxEmails",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    LastAttemptAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    SentBy = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxEmails", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxEmails_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderSettings",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Preference = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    CalendarTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CalendarTokenCreatedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderSettings", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ReminderSettings_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PlanAction_OwnerUserId",
                table: "PlanAction",
                column: "OwnerUserId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_CreatedAt",
                table: "OutboxEmails",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_Status_NextAttemptAt",
                table: "OutboxEmails",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_UserId_Day",
                table: "OutboxEmails",
                columns: new[] { "UserId", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxEmails_UserId_Kind_Key",
                table: "OutboxEmails",
                columns: new[] { "UserId", "Kind", "Key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderSettings_CalendarTokenHash",
                table: "ReminderSettings",
                column: "CalendarTokenHash",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_PlanAction_AspNetUsers_OwnerUserId",
                table: "PlanAction",
                column: "OwnerUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_PlanAction_AspNetUsers_OwnerUserId",
                table: "PlanAction");

            migrationBuilder.DropTable(
                name: "OutboxEmails");

            migrationBuilder.DropTable(
                name: "ReminderSettings");

            migrationBuilder.DropIndex(
                name: "IX_PlanAction_OwnerUserId",
                table: "PlanAction");

            migrationBuilder.DropColumn(
                name: "OwnerUserId",
                table: "PlanAction");
        }
    }
}
