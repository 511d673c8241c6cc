using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Evenhand.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SocialMediaDatasets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SocialDatasets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ForceId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Failure = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    PostsFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    AccountsFileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Strict = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ImportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    PostCount = table.Column<long>(type: "bigint", nullable: false),
                    AccountCount = table.Column<int>(type: "integer", nullable: false),
                    SkippedRows = table.Column<long>(type: "bigint", nullable: false),
                    LexiconJson = table.Column<string>(type: "text", nullable: false),
                    Mode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    AnalysisJson = table.Column<string>(type: "text", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialDatasets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialDatasets_Forces_ForceId",
                        column: x => x.ForceId,
                        principalTable: "Forces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SocialAccounts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    AccountId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Handle = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FullName = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Followers = table.Column<long>(type: "bigint", nullable: false),
                    TotalPosts = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Location = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    Verified = table.Column<bool>(type: "boolean", nullable: false),
                    Url = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Force = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    TypeInference = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Posts = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialAccounts_SocialDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "SocialDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SocialDipSamples",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Keyword = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Group = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    IsTopic = table.Column<bool>(type: "boolean", nullable: false),
                    PostsWithKeyword = table.Column<int>(type: "integer", nullable: false),
                    Seed = table.Column<int>(type: "integer", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialDipSamples", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialDipSamples_SocialDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "SocialDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SocialPostKeywords",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Keyword = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialPostKeywords", x => new { x.DatasetId, x.Keyword, x.Seq });
                    table.ForeignKey(
                        name: "FK_SocialPostKeywords_SocialDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "SocialDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SocialPosts",
                columns: table => new
                {
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    AccountRowId = table.Column<int>(type: "integer", nullable: false),
                    PostId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Text = table.Column<string>(type: "text", nullable: false),
                    Likes = table.Column<long>(type: "bigint", nullable: false),
                    Reposts = table.Column<long>(type: "bigint", nullable: false),
                    Quotes = table.Column<long>(type: "bigint", nullable: false),
                    Replies = table.Column<long>(type: "bigint", nullable: false),
                    Impressions = table.Column<long>(type: "bigint", nullable: true),
                    IsRepost = table.Column<bool>(type: "boolean", nullable: false),
                    OriginalAuthor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Engagement = table.Column<long>(type: "bigint", nullable: false),
                    NonOperational = table.Column<bool>(type: "boolean", nullable: false),
                    Topics = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialPosts", x => new { x.DatasetId, x.Seq });
                    table.ForeignKey(
                        name: "FK_SocialPosts_SocialAccounts_AccountRowId",
                        column: x => x.AccountRowId,
                        principalTable: "SocialAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SocialPosts_SocialDatasets_DatasetId",
                        column: x => x.DatasetId,
                        principalTable: "SocialDatasets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SocialDipSampleItems",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    DipSampleId = table.Column<int>(type: "integer", nullable: false),
                    DatasetId = table.Column<int>(type: "integer", nullable: false),
                    Seq = table.Column<int>(type: "integer", nullable: false),
                    ClassifiedNonOperational = table.Column<bool>(type: "boolean", nullable: false),
                    Verdict = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ReviewedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ReviewedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SocialDipSampleItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SocialDipSampleItems_SocialDipSamples_DipSampleId",
                        column: x => x.DipSampleId,
                        principalTable: "SocialDipSamples",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SocialAccounts_DatasetId_AccountId",
                table: "SocialAccounts",
                columns: new[] { "DatasetId", "AccountId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialDatasets_ForceId_CreatedAt",
                table: "SocialDatasets",
                columns: new[] { "ForceId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialDipSampleItems_DipSampleId_Seq",
                table: "SocialDipSampleItems",
                columns: new[] { "DipSampleId", "Seq" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SocialDipSamples_DatasetId_Keyword",
                table: "SocialDipSamples",
                columns: new[] { "DatasetId", "Keyword" });

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_AccountRowId",
                table: "SocialPosts",
                column: "AccountRowId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_DatasetId_Engagement",
                table: "SocialPosts",
                columns: new[] { "DatasetId", "Engagement" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SocialDipSampleItems");

            migrationBuilder.DropTable(
                name: "SocialPostKeywords");

            migrationBuilder.DropTable(
                name: "SocialPosts");

            migrationBuilder.DropTable(
                name: "SocialDipSamples");

            migrationBuilder.DropTable(
                name: "SocialAccounts");

            migrationBuilder.DropTable(
                name: "SocialDatasets");
        }
    }
}
