using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffNetworks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "StaffNetworks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ForceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Scope = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Characteristic = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NoCharacteristicRationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Chair = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ChairElected = table.Column<bool>(type: "INTEGER", nullable: false),
                    TermsOfReferenceOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Criteria = table.Column<int>(type: "INTEGER", maxLength: 40, nullable: false),
                    DutyHoursPerMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    AnnualBudget = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    SpendToDate = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StaffNetworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StaffNetworks_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FundingRequest",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StaffNetworkId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    WorkforceSharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    LocalPopulationSharePercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    RecruitmentOrRetentionConcern = table.Column<bool>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    AmountAwarded = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Rationale = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingRequest", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundingRequest_StaffNetworks_StaffNetworkId",
                        column: x => x.StaffNetworkId,
                        principalTable: "StaffNetworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FundingRequest_StaffNetworkId",
                table: "FundingRequest",
                column: "StaffNetworkId");

            migrationBuilder.CreateIndex(
                name: "IX_StaffNetworks_ForceId",
                table: "StaffNetworks",
                column: "ForceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FundingRequest");

            migrationBuilder.DropTable(
                name: "StaffNetworks");
        }
    }
}
