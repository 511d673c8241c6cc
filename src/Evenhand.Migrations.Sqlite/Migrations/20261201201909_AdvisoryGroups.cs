using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AdvisoryGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AdvisoryGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    TermsOfReferenceReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChairKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Payments = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryGroups", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryGroups_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GovernanceSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    TermsOfReferenceMaxAgeMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberTenureLimitYears = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GovernanceSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GovernanceSettings_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AdvisoryGroupMember",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdvisoryGroupId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Vetting = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    BackgroundCheck = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConfidentialityAgreement = table.Column<bool>(type: "INTEGER", nullable: false),
                    Escorted = table.Column<bool>(type: "INTEGER", nullable: false),
                    VettingRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Training = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdvisoryGroupMember", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdvisoryGroupMember_AdvisoryGroups_AdvisoryGroupId",
                        column: x => x.AdvisoryGroupId,
                        principalTable: "AdvisoryGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryGroupMember_AdvisoryGroupId",
                table: "AdvisoryGroupMember",
                column: "AdvisoryGroupId");

            migrationBuilder.CreateIndex(
                name: "IX_AdvisoryGroups_ForceId",
                table: "AdvisoryGroups",
                column: "ForceId");

            migrationBuilder.CreateIndex(
                name: "IX_GovernanceSettings_ForceId",
                table: "GovernanceSettings",
                column: "ForceId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdvisoryGroupMember");

            migrationBuilder.DropTable(
                name: "GovernanceSettings");

            migrationBuilder.DropTable(
                name: "AdvisoryGroups");
        }
    }
}
