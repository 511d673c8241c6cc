using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ForceId = table.Column<int>(type: "integer", nullable: false),
                    Issue = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FirstSeenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Risk = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RiskAssessment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AgreedPosition = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CommunicationLines = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
