using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SharedStateAndJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IncidentHistoryEntry_HateIncidentId",
                table: "IncidentHistoryEntry");

            migrationBuilder.AddColumn<Guid>(
                name: "AccountsUploadId",
                table: "SocialDatasets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostsUploadId",
                table: "SocialDatasets",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressBytes",
                table: "SocialDatasets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ProgressTotal",
                table: "SocialDatasets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "DueKey",
                table: "IncidentHistoryEntry",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BackgroundJobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Job = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Server = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Recovering = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    Result = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Length = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedUploadChunks",
                columns: table => new
                {
                    UploadId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Data = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedUploadChunks", x => new { x.UploadId, x.Index });
                    table.ForeignKey(
                        name: "FK_StagedUploadChunks_StagedUploads_UploadId",
                        column: x => x.UploadId,
                        principalTable: "StagedUploads",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentHistoryEntry_HateIncidentId_DueKey",
                table: "IncidentHistoryEntry",
                columns: new[] { "HateIncidentId", "DueKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BackgroundJobRuns_Job_StartedAt",
                table: "BackgroundJobRuns",
                columns: new[] { "Job", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StagedDocuments_CreatedAt",
                table: "StagedDocuments",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StagedUploads_CreatedAt",
                table: "StagedUploads",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BackgroundJobRuns");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "StagedDocuments");

            migrationBuilder.DropTable(
                name: "StagedUploadChunks");

            migrationBuilder.DropTable(
                name: "StagedUploads");

            migrationBuilder.DropIndex(
                name: "IX_IncidentHistoryEntry_HateIncidentId_DueKey",
                table: "IncidentHistoryEntry");

            migrationBuilder.DropColumn(
                name: "AccountsUploadId",
                table: "SocialDatasets");

            migrationBuilder.DropColumn(
                name: "PostsUploadId",
                table: "SocialDatasets");

            migrationBuilder.DropColumn(
                name: "ProgressBytes",
                table: "SocialDatasets");

            migrationBuilder.DropColumn(
                name: "ProgressTotal",
                table: "SocialDatasets");

            migrationBuilder.DropColumn(
                name: "DueKey",
                table: "IncidentHistoryEntry");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentHistoryEntry_HateIncidentId",
                table: "IncidentHistoryEntry",
                column: "HateIncidentId");
        }
    }
}
