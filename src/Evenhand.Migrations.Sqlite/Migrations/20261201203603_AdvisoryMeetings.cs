using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
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
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvisoryGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinutesRecorded = table.Column<bool>(type: "INTEGER", nullable: false),
                    YouSaid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    WeDid = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    FedBackOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
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
