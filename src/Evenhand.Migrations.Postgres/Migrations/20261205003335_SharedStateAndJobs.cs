using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "PostsUploadId",
                table: "SocialDatasets",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ProgressBytes",
                table: "SocialDatasets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "ProgressTotal",
                table: "SocialDatasets",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "DueKey",
                table: "IncidentHistoryEntry",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BackgroundJobRuns",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Job = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Server = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Outcome = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Recovering = table.Column<bool>(type: "boolean", nullable: false),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BackgroundJobRuns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true),
                    Xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedDocuments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedUploads",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StagedUploads", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StagedUploadChunks",
                columns: table => new
                {
                    UploadId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Data = table.Column<byte[]>(type: "bytea", nullable: false)
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
