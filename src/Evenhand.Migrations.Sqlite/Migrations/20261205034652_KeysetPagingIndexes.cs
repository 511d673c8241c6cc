using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Evenhand.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class KeysetPagingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SocialPosts_AccountRowId",
                table: "SocialPosts");

            migrationBuilder.DropIndex(
                name: "IX_SocialPosts_DatasetId_Engagement",
                table: "SocialPosts");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_ForceId_Status",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_Account",
                table: "SocialPosts",
                columns: new[] { "AccountRowId", "Engagement", "Seq", "NonOperational", "Topics" },
                descending: new[] { false, true, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_Class",
                table: "SocialPosts",
                columns: new[] { "DatasetId", "NonOperational", "Engagement", "Seq" },
                descending: new[] { false, false, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_List",
                table: "SocialPosts",
                columns: new[] { "DatasetId", "Engagement", "Seq", "NonOperational", "Topics", "AccountRowId" },
                descending: new[] { false, true, false, false, false, false });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_List",
                table: "HateIncidents",
                columns: new[] { "ForceId", "ReportedAt", "Id", "Status", "Classification", "Area", "Reference", "ReviewDueAt", "Characteristics" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_ReplyDue",
                table: "HateIncidents",
                columns: new[] { "ForceId", "SubjectReplyDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_RetentionDue",
                table: "HateIncidents",
                columns: new[] { "ForceId", "RetentionReviewDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_ReviewQueue",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Status", "ReviewDueAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_Status",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Status", "ReportedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_Force_TellSubject",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Classification", "Status", "SubjectToldAt", "NotificationExceptionApprovedBy", "SubjectToBeToldBy" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_Id",
                table: "AuditEntries",
                columns: new[] { "EntityType", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_ForceId_Id",
                table: "AuditEntries",
                columns: new[] { "ForceId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UserName_Id",
                table: "AuditEntries",
                columns: new[] { "UserName", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SocialPosts_Account",
                table: "SocialPosts");

            migrationBuilder.DropIndex(
                name: "IX_SocialPosts_Class",
                table: "SocialPosts");

            migrationBuilder.DropIndex(
                name: "IX_SocialPosts_List",
                table: "SocialPosts");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_List",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_ReplyDue",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_RetentionDue",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_ReviewQueue",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_Status",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_HateIncidents_Force_TellSubject",
                table: "HateIncidents");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_EntityId_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_EntityType_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_ForceId_Id",
                table: "AuditEntries");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UserName_Id",
                table: "AuditEntries");

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_AccountRowId",
                table: "SocialPosts",
                column: "AccountRowId");

            migrationBuilder.CreateIndex(
                name: "IX_SocialPosts_DatasetId_Engagement",
                table: "SocialPosts",
                columns: new[] { "DatasetId", "Engagement" });

            migrationBuilder.CreateIndex(
                name: "IX_HateIncidents_ForceId_Status",
                table: "HateIncidents",
                columns: new[] { "ForceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });
        }
    }
}
