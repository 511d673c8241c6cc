using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
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
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ForceId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Contentious = table.Column<bool>(type: "boolean", nullable: false),
                    Attendance = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CommunicatedToPublic = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CommunicatedToWorkforce = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    DressCode = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConductBriefing = table.Column<bool>(type: "boolean", nullable: false),
                    OnDuty = table.Column<bool>(type: "boolean", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    PolicingStyleEffectiveness = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ImpartialityAllegations = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Lessons = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
