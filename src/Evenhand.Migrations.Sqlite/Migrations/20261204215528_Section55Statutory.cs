using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Section55Statutory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DueOn",
                table: "Section55Responses");

            migrationBuilder.AddColumn<string>(
                name: "ChiefOfficerNoCommentsNote",
                table: "Section55Responses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ResponseToChiefOfficerComments",
                table: "Section55Responses",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "Section55Correction",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Section55ResponseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Part = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RecommendationId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecommendationNumber = table.Column<int>(type: "INTEGER", nullable: true),
                    PreviousStance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PreviousText = table.Column<string>(type: "TEXT", nullable: true),
                    NewStance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    NewText = table.Column<string>(type: "TEXT", nullable: false),
                    Notice = table.Column<string>(type: "TEXT", nullable: false),
                    CorrectedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CorrectedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Section55Correction", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Section55Correction_Section55Responses_Section55ResponseId",
                        column: x => x.Section55ResponseId,
                        principalTable: "Section55Responses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Section55Correction_Section55ResponseId",
                table: "Section55Correction",
                column: "Section55ResponseId");

            // s.55(5B): a recommendation that names forces or chief officers among other bodies (4 and 21 of the 2024
            // report) puts a duty on the force, so it is answered in the section 55 response and kept in the action plan.
            migrationBuilder.Sql("""
                UPDATE "Recommendations" SET "AppliesToForces" = 1 WHERE "Addressees" LIKE '%"Forces"%' OR "Addressees" LIKE '%"Chief constables"%' OR "Addressees" LIKE '%"Chief officers"%';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Section55Correction");

            migrationBuilder.DropColumn(
                name: "ChiefOfficerNoCommentsNote",
                table: "Section55Responses");

            migrationBuilder.DropColumn(
                name: "ResponseToChiefOfficerComments",
                table: "Section55Responses");

            migrationBuilder.AddColumn<DateOnly>(
                name: "DueOn",
                table: "Section55Responses",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));
        }
    }
}
