using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentAttachments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NotificationExceptionRecordedById",
                table: "HateIncidents",
                type: "TEXT",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "IncidentAttachment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    HateIncidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SizeBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AboutSubject = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAttachment", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAttachment_HateIncidents_HateIncidentId",
                        column: x => x.HateIncidentId,
                        principalTable: "HateIncidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IncidentAttachmentFile",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    IncidentAttachmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IncidentAttachmentFile", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IncidentAttachmentFile_IncidentAttachment_IncidentAttachmentId",
                        column: x => x.IncidentAttachmentId,
                        principalTable: "IncidentAttachment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAttachment_HateIncidentId",
                table: "IncidentAttachment",
                column: "HateIncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_IncidentAttachmentFile_IncidentAttachmentId",
                table: "IncidentAttachmentFile",
                column: "IncidentAttachmentId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IncidentAttachmentFile");

            migrationBuilder.DropTable(
                name: "IncidentAttachment");

            migrationBuilder.DropColumn(
                name: "NotificationExceptionRecordedById",
                table: "HateIncidents");
        }
    }
}
