using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HorizonScan : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ContentiousIssues",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Issue = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Risk = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RiskAssessment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    AgreedPosition = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CommunicationLines = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentiousIssues", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentiousIssues_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ContentiousIssues_ForceId_Status",
                table: "ContentiousIssues",
                columns: new[] { "ForceId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ContentiousIssues");
        }
    }
}
