using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PolicedEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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

            migrationBuilder.CreateIndex(
                name: "IX_PolicedEvents_ForceId_StartsOn",
                table: "PolicedEvents",
                columns: new[] { "ForceId", "StartsOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PolicedEvents");
        }
    }
}
