using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AdvisoryMeetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvisoryMeeting",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    AdvisoryGroupId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    MinutesRecorded = table.Column<bool>(type: "boolean", nullable: false),
                    YouSaid = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    WeDid = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FedBackOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryMeeting", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryMeeting_AdvisoryGroups_AdvisoryGroupId",
                        column: x => x.AdvisoryGroupId,
                        principalTable: "AdvisoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryMeeting_AdvisoryGroupId",
                table: "AdvisoryMeeting",
                column: "AdvisoryGroupId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisoryMeeting");
        }
    }
}
